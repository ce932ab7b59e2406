package app.go.api;

import app.go.support.errors.DomainException;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Typed, validated reads of a JSON request body; every failure names the field. */
public final class Body {
    private final JsonNode node;
    private final String prefix;

    Body(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    public String text(String field, int maxLength) {
        return optText(field, maxLength).orElseThrow(() -> invalid(field, "is required"));
    }

    public Optional<String> optText(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(field, "must be a string");
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            throw invalid(field, "must not be blank");
        }
        if (text.length() > maxLength) {
            throw invalid(field, "must be at most " + maxLength + " characters");
        }
        refuseControlCharacters(field, text);
        return Optional.of(text);
    }

    public int integer(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(field, "is required");
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalid(field, "must be a whole number");
        }
        int number = value.intValue();
        if (number < min || number > max) {
            throw invalid(field, "must be between " + min + " and " + max);
        }
        return number;
    }

    public long longValue(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(field, "is required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(field, "must be a whole number");
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw invalid(field, "must be between " + min + " and " + max);
        }
        return number;
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw invalid(field, "must be true or false");
        }
        return value.booleanValue();
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field, 64);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    public List<String> texts(String field, int maxItems, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > maxItems) {
            throw invalid(field, "must be a list of at most " + maxItems + " strings");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            result.add(new Body(value, prefix + field).textAt(i, maxLength));
        }
        return result;
    }

    /** An optional object field as a Body whose errors name {@code field.x}. */
    public Optional<Body> optObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw invalid(field, "must be an object");
        }
        return Optional.of(new Body(value, prefix + field + "."));
    }

    /** The objects of an array field, each as a Body whose errors name {@code field[i].x}. */
    public List<Body> objects(String field, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > maxItems) {
            throw invalid(field, "must be a list of at most " + maxItems + " objects");
        }
        List<Body> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw invalid(field + "[" + i + "]", "must be an object");
            }
            result.add(new Body(value.get(i), prefix + field + "[" + i + "]."));
        }
        return result;
    }

    public JsonNode raw() {
        return node;
    }

    public <T> T as(Class<T> type) {
        return Json.convert(node, type);
    }

    private String textAt(int index, int maxLength) {
        JsonNode value = node.get(index);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid("[" + index + "]", "must be a non-blank string");
        }
        if (value.asText().length() > maxLength) {
            throw invalid("[" + index + "]", "must be at most " + maxLength + " characters");
        }
        refuseControlCharacters("[" + index + "]", value.asText());
        return value.asText().strip();
    }

    /** Stored text may hold line breaks and tabs, never other control characters (they bloat every item 6-fold as JSON escapes). */
    private void refuseControlCharacters(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new DomainException(DomainException.Kind.VALIDATION, "CONTROL_CHARACTERS",
                        prefix + field + " must not contain control characters (U+" + String.format("%04X", (int) c) + ")");
            }
        }
    }

    private DomainException invalid(String field, String problem) {
        return DomainException.validation(prefix + field + " " + problem);
    }
}
