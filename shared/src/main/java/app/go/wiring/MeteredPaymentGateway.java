package app.go.wiring;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.port.PaymentGateway;
import app.go.support.log.BusinessMetric;
import app.go.support.log.Log;

/** Counts every charge the provider approved ({@code Charges}) or declined ({@code Declines}), whichever provider it is. */
final class MeteredPaymentGateway implements PaymentGateway {
    private final PaymentGateway provider;

    MeteredPaymentGateway(PaymentGateway provider) {
        this.provider = provider;
    }

    @Override
    public ChargeResult charge(String sellerId, PaymentMethod method, long amountCents, String idempotencyKey) {
        ChargeResult result = provider.charge(sellerId, method, amountCents, idempotencyKey);
        Log.count(result instanceof ChargeResult.Approved ? BusinessMetric.CHARGES : BusinessMetric.DECLINES);
        return result;
    }
}
