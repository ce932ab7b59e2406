package app.go.testing;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.port.PaymentGateway;

import java.util.Optional;

/** Passes every call to a real gateway; runs a hook around charges (a race landing mid-charge, a crash after it). */
public final class HookedPaymentGateway implements PaymentGateway {

    /** Runs before (or after) the delegate's charge; may throw to simulate a crash. */
    @FunctionalInterface
    public interface Hook {
        void run(String payerId, PaymentMethod method, long amountCents, String idempotencyKey);
    }

    private final PaymentGateway delegate;
    private final Hook before;
    private final Hook after;

    private HookedPaymentGateway(PaymentGateway delegate, Hook before, Hook after) {
        this.delegate = delegate;
        this.before = before;
        this.after = after;
    }

    public static HookedPaymentGateway before(PaymentGateway delegate, Hook hook) {
        return new HookedPaymentGateway(delegate, hook, (p, m, a, k) -> { });
    }

    public static HookedPaymentGateway after(PaymentGateway delegate, Hook hook) {
        return new HookedPaymentGateway(delegate, (p, m, a, k) -> { }, hook);
    }

    @Override
    public ChargeResult charge(String payerId, PaymentMethod method, long amountCents, String idempotencyKey) {
        before.run(payerId, method, amountCents, idempotencyKey);
        ChargeResult result = delegate.charge(payerId, method, amountCents, idempotencyKey);
        after.run(payerId, method, amountCents, idempotencyKey);
        return result;
    }

    @Override
    public Optional<ChargeResult> lookup(String idempotencyKey) {
        return delegate.lookup(idempotencyKey);
    }

    @Override
    public String refund(String chargeId, long amountCents, String idempotencyKey) {
        return delegate.refund(chargeId, amountCents, idempotencyKey);
    }
}
