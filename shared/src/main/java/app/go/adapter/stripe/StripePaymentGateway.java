package app.go.adapter.stripe;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.port.PaymentGateway;
import app.go.support.log.Log;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.RefundCreateParams;

import java.util.List;
import java.util.Optional;

/**
 * {@link PaymentGateway} on Stripe's PaymentIntents API. Each payer is a Stripe customer (found by the
 * {@code go_payer_id} metadata, created once otherwise); the method token is a Stripe PaymentMethod id
 * ({@code pm_...}, a card or a PayPal account collected by Stripe's client side), attached to the customer
 * (saved) before its first charge so later charges run off-session with it. Every charge is a PaymentIntent confirmed at once and off-session (the
 * seller is not present for renewals), sent with the caller's idempotency key as Stripe's
 * {@code Idempotency-Key} and in the {@code go_charge_key} metadata, which {@link #lookup} searches.
 * Declines map to the domain's codes: Stripe's {@code decline_code} (insufficient_funds, expired_card, ...)
 * or {@code code}; a PaymentIntent that needs the customer ({@code requires_action},
 * {@code authentication_required}) is declined as {@value PaymentGateway#AUTHENTICATION_REQUIRED}.
 * Network and API errors are thrown: the caller's reservation stays open and the sweeper settles it.
 */
public final class StripePaymentGateway implements PaymentGateway {
    static final String CURRENCY = "usd";
    static final String PAYER_METADATA = "go_payer_id";
    static final String CHARGE_KEY_METADATA = "go_charge_key";
    private static final Log LOG = Log.get(StripePaymentGateway.class);

    private final StripeClient stripe;

    public StripePaymentGateway(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** A client for {@code apiKey}; {@code apiBase} points it elsewhere than Stripe (a test stub), or null for Stripe. */
    public static StripeClient client(String apiKey, String apiBase) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(apiKey).setMaxNetworkRetries(2)
                .setConnectTimeout(5_000).setReadTimeout(20_000);
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        return builder.build();
    }

    @Override
    public ChargeResult charge(String payerId, PaymentMethod method, long amountCents, String idempotencyKey) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("charges are positive cents");
        }
        try {
            String customer = customer(payerId);
            saveOn(customer, method.token());
            PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                    .setAmount(amountCents).setCurrency(CURRENCY).setCustomer(customer)
                    .setPaymentMethod(method.token())
                    .addPaymentMethodType(method.type() == PaymentMethod.Type.PAYPAL ? "paypal" : "card")
                    .setConfirm(true)
                    .setOffSession(true)
                    .putMetadata(CHARGE_KEY_METADATA, idempotencyKey)
                    .putMetadata(PAYER_METADATA, payerId)
                    .build();
            PaymentIntent intent = stripe.paymentIntents().create(params, idempotent(idempotencyKey));
            return result(intent);
        } catch (CardException declined) {
            String code = declined.getDeclineCode() != null ? declined.getDeclineCode() : declined.getCode();
            LOG.info("stripe declined", "code", String.valueOf(code));
            return new ChargeResult.Declined(code == null ? CARD_DECLINED : code);
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe charge failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ChargeResult> lookup(String idempotencyKey) {
        try {
            List<PaymentIntent> found = stripe.paymentIntents().search(PaymentIntentSearchParams.builder()
                    .setQuery("metadata['" + CHARGE_KEY_METADATA + "']:'" + quoted(idempotencyKey) + "'").build()).getData();
            return found.stream().map(StripePaymentGateway::result)
                    .reduce((first, other) -> first instanceof ChargeResult.Approved ? first : other);
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe search failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String refund(String chargeId, long amountCents, String idempotencyKey) {
        try {
            Refund refund = stripe.refunds().create(RefundCreateParams.builder().setPaymentIntent(chargeId).setAmount(amountCents)
                    .putMetadata(CHARGE_KEY_METADATA, idempotencyKey).build(), idempotent(idempotencyKey));
            return refund.getId();
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe refund failed: " + e.getMessage(), e);
        }
    }

    private static ChargeResult result(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded", "processing" -> new ChargeResult.Approved(intent.getId());
            case "requires_action", "requires_confirmation" -> new ChargeResult.Declined(AUTHENTICATION_REQUIRED);
            default -> new ChargeResult.Declined(intent.getLastPaymentError() != null && intent.getLastPaymentError().getDeclineCode() != null
                    ? intent.getLastPaymentError().getDeclineCode() : CARD_DECLINED);
        };
    }

    /** The payer's Stripe customer: found by metadata, else created (idempotently, keyed on the payer). */
    private String customer(String payerId) throws StripeException {
        List<Customer> found = stripe.customers().search(CustomerSearchParams.builder()
                .setQuery("metadata['" + PAYER_METADATA + "']:'" + quoted(payerId) + "'").build()).getData();
        if (!found.isEmpty()) {
            return found.get(0).getId();
        }
        return stripe.customers().create(CustomerCreateParams.builder().putMetadata(PAYER_METADATA, payerId).build(),
                idempotent("customer#" + payerId)).getId();
    }

    /** The payment method saved on the payer's customer, so later charges run off-session with it. */
    private void saveOn(String customer, String paymentMethodId) throws StripeException {
        com.stripe.model.PaymentMethod saved = stripe.paymentMethods().retrieve(paymentMethodId);
        if (!customer.equals(saved.getCustomer())) {
            stripe.paymentMethods().attach(paymentMethodId, PaymentMethodAttachParams.builder().setCustomer(customer).build(),
                    idempotent("attach#" + paymentMethodId + "#" + customer));
        }
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    /** Stripe's search query language quotes with single quotes; a quote inside is escaped. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
