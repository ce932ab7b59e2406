package app.go.wiring;

import app.go.domain.port.PaymentGateway;
import app.go.support.config.Env;
import app.go.adapter.offline.OfflinePaymentGateway;

/**
 * Picks the payment provider from {@code PAYMENTS_PROVIDER}: {@code offline} (the default when the
 * variable is absent) is the deterministic {@link OfflinePaymentGateway}; {@code stripe} is
 * {@link app.go.adapter.stripe.StripePaymentGateway} with its key from Secrets Manager
 * ({@link AwsAdapters#stripe}). Any other value fails fast, never falling back to offline.
 */
public final class PaymentGateways {
    public static final String ENV = "PAYMENTS_PROVIDER";

    private PaymentGateways() {}

    public static PaymentGateway fromEnv(Adapters adapters) {
        Env env = adapters.env();
        String provider = env.get(ENV, "offline");
        if (provider.equalsIgnoreCase("offline")) {
            return new MeteredPaymentGateway(new OfflinePaymentGateway(adapters.clock()));
        }
        if (provider.equalsIgnoreCase("stripe")) {
            return AwsAdapters.stripe(adapters);
        }
        throw new IllegalStateException("unsupported " + ENV + " " + provider + " (offline or stripe)");
    }

    /** The provider behind the metering (the local runtime shows the offline one's payments log). */
    public static PaymentGateway provider(PaymentGateway gateway) {
        return gateway instanceof MeteredPaymentGateway metered ? metered.provider() : gateway;
    }
}
