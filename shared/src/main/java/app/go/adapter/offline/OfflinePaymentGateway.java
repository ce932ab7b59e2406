package app.go.adapter.offline;

import app.go.domain.port.PaymentGateway;
import app.go.domain.billing.PaymentMethod;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic payment provider for the local runtime and tests: tokens starting with
 * {@code tok_decline} are declined, every other token is approved. The charge id is derived from
 * the idempotency key, and a repeated key returns the first result without charging again, the way
 * real providers treat idempotency keys. {@link #chargedCents()} tells tests what was really charged.
 */
public final class OfflinePaymentGateway implements PaymentGateway {
    public static final String DECLINE_PREFIX = "tok_decline";

    private final Map<String, ChargeResult> byKey = new ConcurrentHashMap<>();
    private final Map<String, Long> amounts = new ConcurrentHashMap<>();

    @Override
    public ChargeResult charge(String sellerId, PaymentMethod method, long amountCents, String idempotencyKey) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("charges are positive cents");
        }
        return byKey.computeIfAbsent(idempotencyKey, key -> {
            if (method.token().startsWith(DECLINE_PREFIX)) {
                return new ChargeResult.Declined("card_declined");
            }
            amounts.put(key, amountCents);
            return new ChargeResult.Approved("ch_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
        });
    }

    /** Total of approved charges, in cents. */
    public long chargedCents() {
        return amounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Number of approved charges. */
    public int charges() {
        return amounts.size();
    }
}
