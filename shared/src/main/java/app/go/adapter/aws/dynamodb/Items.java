package app.go.adapter.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers to build and read DynamoDB items with the low-level client (no reflection: cold start). */
public final class Items {
    private Items() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    /** The partition key of a seller's items: every key starts with the tenant (DATA-2, IAM LeadingKeys). */
    public static String sellerKey(String sellerId) {
        return "SELLER#" + sellerId;
    }

    /** The partition of one conversation: its META item and one item per message. */
    public static String conversationKey(String sellerId, String conversationId) {
        return sellerKey(sellerId) + "#CONV#" + conversationId;
    }

    /** Sort keys of a conversation's messages start with this. */
    public static final String MESSAGE_PREFIX = "MSG#";

    /** Sort keys of the assistant's daily reply counters start with this (then the date). */
    public static final String ASSISTANT_QUOTA_PREFIX = "QUOTA#PA#";

    public static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("pk", s(pk));
        if (sk != null) {
            key.put("sk", s(sk));
        }
        return key;
    }

    /** Starts a mutable item with its keys; add attributes with {@link Builder#with}. */
    public static Builder item(String pk, String sk) {
        return new Builder(key(pk, sk));
    }

    public static final class Builder {
        private final Map<String, AttributeValue> values;

        private Builder(Map<String, AttributeValue> values) {
            this.values = values;
        }

        public Builder with(String name, String value) {
            if (value != null) {
                values.put(name, s(value));
            }
            return this;
        }

        public Builder with(String name, long value) {
            values.put(name, n(value));
            return this;
        }

        public Builder with(String name, boolean value) {
            values.put(name, bool(value));
            return this;
        }

        public Builder with(String name, Instant value) {
            return value == null ? this : with(name, value.toString());
        }

        public Builder with(String name, List<String> value) {
            if (value != null) {
                values.put(name, list(value));
            }
            return this;
        }

        public Map<String, AttributeValue> build() {
            return values;
        }
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static Optional<String> optStr(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(str(item, name));
    }

    public static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? fallback : Long.parseLong(value.n());
    }

    public static boolean bool(Map<String, AttributeValue> item, String name, boolean fallback) {
        AttributeValue value = item.get(name);
        return value == null || value.bool() == null ? fallback : value.bool();
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = str(item, name);
        return value == null ? null : Instant.parse(value);
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(AttributeValue::s).toList();
    }
}
