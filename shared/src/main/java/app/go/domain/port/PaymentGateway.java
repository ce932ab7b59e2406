package app.go.domain.port;

import app.go.domain.billing.PaymentMethod;

import java.util.Optional;

/**
 * Port to the payment provider (card or PayPal). Amounts are cents; the idempotency key (a business
 * key plus the attempt, never a card token) makes a retried charge a no-op that returns the first answer.
 */
public interface PaymentGateway {

    /** Decline codes the domain tells apart (BILL-11); providers map theirs onto these. */
    String CARD_DECLINED = "card_declined";
    String INSUFFICIENT_FUNDS = "insufficient_funds";
    String AUTHENTICATION_REQUIRED = "authentication_required";
    String EXPIRED_CARD = "expired_card";

    sealed interface ChargeResult {
        record Approved(String chargeId) implements ChargeResult {}

        record Declined(String reason) implements ChargeResult {}
    }

    ChargeResult charge(String payerId, PaymentMethod method, long amountCents, String idempotencyKey);

    /**
     * Whether a charge with this idempotency key was made: its answer, or empty when the provider never
     * took one (the crash-recovery sweeper finishes or releases a reservation by it).
     */
    Optional<ChargeResult> lookup(String idempotencyKey);

    /** Gives {@code amountCents} of an approved charge back to its payer, once per idempotency key; returns the refund id. */
    String refund(String chargeId, long amountCents, String idempotencyKey);
}
