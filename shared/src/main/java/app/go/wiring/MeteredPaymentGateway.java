package app.go.wiring;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.port.PaymentGateway;
import app.go.support.log.BusinessMetric;
import app.go.support.log.Log;

import java.util.Optional;

/** Counts every charge the provider approved ({@code Charges}) or declined ({@code Declines}), whichever provider it is. */
final class MeteredPaymentGateway implements PaymentGateway {
    private final PaymentGateway provider;

    MeteredPaymentGateway(PaymentGateway provider) {
        this.provider = provider;
    }

    PaymentGateway provider() {
        return provider;
    }

    @Override
    public ChargeResult charge(String sellerId, PaymentMethod method, long amountCents, String idempotencyKey) {
        ChargeResult result = provider.charge(sellerId, method, amountCents, idempotencyKey);
        Log.count(result instanceof ChargeResult.Approved ? BusinessMetric.CHARGES : BusinessMetric.DECLINES);
        return result;
    }

    @Override
    public Optional<ChargeResult> lookup(String idempotencyKey) {
        return provider.lookup(idempotencyKey);
    }

    @Override
    public String refund(String chargeId, long amountCents, String idempotencyKey) {
        return provider.refund(chargeId, amountCents, idempotencyKey);
    }
}
