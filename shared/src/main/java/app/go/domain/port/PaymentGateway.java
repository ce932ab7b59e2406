package app.go.domain.port;

import app.go.domain.billing.PaymentMethod;

/** Port to the payment provider (card or PayPal). Amounts are cents; the key makes a retried charge a no-op. */
public interface PaymentGateway {

    sealed interface ChargeResult {
        record Approved(String chargeId) implements ChargeResult {}

        record Declined(String reason) implements ChargeResult {}
    }

    ChargeResult charge(String sellerId, PaymentMethod method, long amountCents, String idempotencyKey);
}
