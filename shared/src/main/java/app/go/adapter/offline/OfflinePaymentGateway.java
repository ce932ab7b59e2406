package app.go.adapter.offline;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.port.PaymentGateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic payment provider for the local runtime and tests: tokens starting with
 * {@code tok_decline} are declined ({@code tok_decline_insufficient} → insufficient_funds,
 * {@code tok_decline_sca} → authentication_required, others → card_declined), every other token is
 * approved. The charge id is derived from the idempotency key, and a repeated key returns the first
 * result without charging again, the way real providers treat idempotency keys. {@link #payments()}
 * is its test-mode log: every charge attempt and refund, in order ({@code GET /local/payments}).
 */
public final class OfflinePaymentGateway implements PaymentGateway {
    public static final String DECLINE_PREFIX = "tok_decline";

    /** One line of the test-mode log. */
    public record Payment(String kind, String id, String idempotencyKey, String payerId, String methodType, long amountCents,
                          String outcome, String declineCode, String chargeId, Instant at) {}

    private final Map<String, ChargeResult> byKey = new ConcurrentHashMap<>();
    private final Map<String, Long> amounts = new ConcurrentHashMap<>();
    private final Map<String, String> refunds = new ConcurrentHashMap<>();
    private final List<Payment> log = new ArrayList<>();
    private final Clock clock;

    public OfflinePaymentGateway() {
        this(Clock.systemUTC());
    }

    public OfflinePaymentGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ChargeResult charge(String payerId, PaymentMethod method, long amountCents, String idempotencyKey) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("charges are positive cents");
        }
        return byKey.computeIfAbsent(idempotencyKey, key -> {
            String chargeId = "ch_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
            if (method.token().startsWith(DECLINE_PREFIX)) {
                String code = declineCode(method.token());
                append(new Payment("charge", chargeId, key, payerId, method.type().name(), amountCents, "declined", code, null,
                        clock.instant()));
                return new ChargeResult.Declined(code);
            }
            amounts.put(key, amountCents);
            append(new Payment("charge", chargeId, key, payerId, method.type().name(), amountCents, "approved", null, chargeId,
                    clock.instant()));
            return new ChargeResult.Approved(chargeId);
        });
    }

    @Override
    public Optional<ChargeResult> lookup(String idempotencyKey) {
        return Optional.ofNullable(byKey.get(idempotencyKey));
    }

    @Override
    public String refund(String chargeId, long amountCents, String idempotencyKey) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("refunds are positive cents");
        }
        return refunds.computeIfAbsent(idempotencyKey, key -> {
            String refundId = "re_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
            append(new Payment("refund", refundId, key, null, null, amountCents, "succeeded", null, chargeId, clock.instant()));
            return refundId;
        });
    }

    private static String declineCode(String token) {
        if (token.startsWith(DECLINE_PREFIX + "_insufficient")) {
            return INSUFFICIENT_FUNDS;
        }
        if (token.startsWith(DECLINE_PREFIX + "_sca")) {
            return AUTHENTICATION_REQUIRED;
        }
        return CARD_DECLINED;
    }

    private synchronized void append(Payment payment) {
        log.add(payment);
    }

    /** Every charge attempt and refund so far, oldest first. */
    public synchronized List<Payment> payments() {
        return List.copyOf(log);
    }

    /** Total of approved charges, in cents. */
    public long chargedCents() {
        return amounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Number of approved charges. */
    public int charges() {
        return amounts.size();
    }

    /** Total refunded, in cents. */
    public synchronized long refundedCents() {
        return log.stream().filter(p -> p.kind().equals("refund")).mapToLong(Payment::amountCents).sum();
    }
}
