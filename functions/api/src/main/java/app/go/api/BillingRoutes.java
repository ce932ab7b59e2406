package app.go.api;

import app.go.domain.billing.BillingRun;
import app.go.domain.port.BillingStore;
import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.Plan;
import app.go.domain.billing.ProratedUpgrade;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.Subscriptions;
import app.go.domain.assistant.AssistantSettingsService;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.port.SellerStore;
import app.go.support.auth.Caller;
import app.go.adapter.aws.sqs.SqsMessageQueue;
import app.go.support.errors.DomainException;
import app.go.domain.port.IdempotencyStore;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import static app.go.api.ApiResponses.json;

/**
 * Billing routes: the platform's billing run (the same {@link BillingRun} the EventBridge schedule
 * drives) and balance credits; the seller's balance, ledger and subscriptions. Money is integer
 * cents in USD (BILL-10). The payment provider comes from {@code PAYMENTS_PROVIDER} (offline when absent).
 */
final class BillingRoutes {
    static final String CURRENCY = "USD";
    private static final long MAX_CREDIT_CENTS = 100_000_000L;

    private final Subscriptions subscriptions;
    private final BillingRun run;
    private final ProratedUpgrade upgrades;
    private final SellerStore sellers;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final AssistantSettingsService assistantSettings;

    BillingRoutes(Adapters adapters, BillingStore store, SellerStore sellers, IdempotencyStore idempotency) {
        this(store, new SqsMessageQueue(adapters.sqs(), adapters.env().require(SystemTopology.RENEWALS.envVar())),
                adapters.paymentGateway(), sellers, idempotency, adapters.clock());
    }

    BillingRoutes(BillingStore store, app.go.domain.port.MessageQueue renewals, app.go.domain.port.PaymentGateway gateway,
                  SellerStore sellers, IdempotencyStore idempotency, Clock clock) {
        this.subscriptions = new Subscriptions(store, sellers, gateway, clock);
        this.run = new BillingRun(store, renewals);
        this.upgrades = new ProratedUpgrade(store, sellers, idempotency, gateway, clock);
        this.sellers = sellers;
        this.idempotency = idempotency;
        this.clock = clock;
        this.assistantSettings = new AssistantSettingsService(sellers, clock);
    }

    void register(Map<String, Route> routes) {
        routes.put("POST /platform/billing/run", this::runBilling);
        routes.put("POST /platform/sellers/{sellerId}/balance", new IdempotentRoute(this::credit, idempotency));
        routes.put("GET /sellers/me/balance", this::balance);
        routes.put("GET /sellers/me/ledger", this::ledger);
        routes.put("POST /sellers/me/subscriptions", new IdempotentRoute(this::subscribe, idempotency));
        routes.put("GET /sellers/me/subscriptions", this::list);
        routes.put("POST /sellers/me/subscriptions/{plan}/cancel", this::cancel);
        routes.put("POST /sellers/me/subscriptions/upgrade", new IdempotentRoute(this::upgrade, idempotency));
        routes.put("POST /platform/sellers/{sellerId}/seller-plus", this::sellerPlus);
        routes.put("PUT /sellers/me/payment-method", this::replacePaymentMethod);
    }

    private APIGatewayV2HTTPResponse runBilling(ApiRequest request) {
        request.caller().requireRole(Caller.Role.PLATFORM);
        Instant at = request.optionalBody().flatMap(b -> b.optText("at", 40)).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw DomainException.validation("at must be an ISO-8601 instant such as 2026-03-18T00:00:00Z");
            }
        }).orElseGet(clock::instant);
        int enqueued = run.runAsOf(at);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("at", at.toString());
        result.put("enqueued", enqueued);
        return json(200, result);
    }

    private APIGatewayV2HTTPResponse credit(ApiRequest request) {
        request.caller().requireRole(Caller.Role.PLATFORM);
        String sellerId = request.pathId("sellerId");
        long amount = request.body().longValue("amountCents", 1, MAX_CREDIT_CENTS);
        LedgerEntry entry = subscriptions.credit(sellerId, amount);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sellerId", sellerId);
        result.put("balance", money(subscriptions.balance(sellerId)));
        result.put("entry", entryView(entry));
        return json(200, result);
    }

    private APIGatewayV2HTTPResponse balance(ApiRequest request) {
        return json(200, Map.of("balance", money(subscriptions.balance(request.sellerId()))));
    }

    private APIGatewayV2HTTPResponse ledger(ApiRequest request) {
        return json(200, Map.of("entries", subscriptions.ledger(request.sellerId()).stream().map(BillingRoutes::entryView).toList()));
    }

    private APIGatewayV2HTTPResponse subscribe(ApiRequest request) {
        String sellerId = request.sellerId();
        Body body = request.body();
        Plan plan = body.enumValue("plan", Plan.class);
        Subscriptions.Subscribed subscribed = subscriptions.subscribe(sellerId, plan, PaymentMethodField.read(body),
                body.bool("autoRenewConsent", false));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("subscription", subscriptionView(subscribed.subscription()));
        Map<String, Object> charge = money(subscribed.charge().amountCents());
        charge.put("source", subscribed.charge().source().name());
        result.put("charge", charge);
        if (plan == Plan.PERSONAL_ASSISTANT) { // BILL-5: the PA settings page follows a successful payment
            result.put("assistantSettings", AssistantSettingsView.of(assistantSettings, sellerId));
        }
        return json(201, result);
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        return json(200, Map.of("subscriptions",
                subscriptions.subscriptions(request.sellerId()).stream().map(BillingRoutes::subscriptionView).toList()));
    }

    /** BILL-6: stays until the period ends, then ends without a charge; no refund. */
    private APIGatewayV2HTTPResponse cancel(ApiRequest request) {
        String sellerId = request.sellerId();
        Plan plan = planFromPath(request.path("plan"));
        return json(200, Map.of("subscription", subscriptionView(subscriptions.cancel(sellerId, plan))));
    }

    /** BILL-8: PA to Seller Plus Premium at once, the unused PA days refunded to the balance. */
    private APIGatewayV2HTTPResponse upgrade(ApiRequest request) {
        String sellerId = request.sellerId();
        Body body = request.body();
        ProratedUpgrade.Upgraded upgraded = upgrades.upgrade(sellerId, body.enumValue("from", Plan.class),
                body.enumValue("to", Plan.class));
        Map<String, Object> refund = money(upgraded.proration().refundCents());
        refund.put("remainingDays", upgraded.proration().remainingDays());
        refund.put("dailyRateCents", upgraded.proration().dailyRateCents());
        Map<String, Object> charge = money(upgraded.payment().amountCents());
        charge.put("source", upgraded.payment().source().name());
        charge.put("fromBalanceCents", upgraded.payment().fromBalanceCents());
        charge.put("fromPaymentMethodCents", upgraded.payment().fromPaymentMethodCents());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("refund", refund);
        result.put("subscription", subscriptionView(upgraded.subscription()));
        result.put("charge", charge);
        result.put("ended", subscriptionView(upgraded.ended()));
        return json(200, result);
    }

    /** BILL-11: the card or PayPal account later charges (and the next retry of a declined renewal) use. */
    private APIGatewayV2HTTPResponse replacePaymentMethod(ApiRequest request) {
        PaymentMethod method = PaymentMethodField.read(request.body());
        var changed = subscriptions.replacePaymentMethod(request.sellerId(), method);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("paymentMethod", Map.of("type", method.type().name()));
        result.put("subscriptions", changed.stream().map(BillingRoutes::subscriptionView).toList());
        return json(200, result);
    }

    /** BILL-7: the marketplace downgrades Seller Plus Premium to Standard; starting it goes through a subscription. */
    private APIGatewayV2HTTPResponse sellerPlus(ApiRequest request) {
        request.caller().requireRole(Caller.Role.PLATFORM);
        String sellerId = request.pathId("sellerId");
        if (request.body().bool("active", true)) {
            throw new DomainException(DomainException.Kind.RULE, "SUBSCRIPTION_REQUIRED",
                    "Seller Plus Premium starts with the seller's subscription (POST /sellers/me/subscriptions)");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sellerId", sellerId);
        result.put("sellerPlusPremium", false);
        subscriptions.endSellerPlus(sellerId).ifPresent(ended -> result.put("subscription", subscriptionView(ended)));
        result.put("assistantState", sellers.assistant(sellerId).state().name());
        return json(200, result);
    }

    /** An unknown plan in the path is an unknown resource: 404. */
    private static Plan planFromPath(String value) {
        for (Plan plan : Plan.values()) {
            if (plan.name().equalsIgnoreCase(value)) {
                return plan;
            }
        }
        throw DomainException.notFound("plan " + Ids.require(value, "plan"));
    }

    private static Map<String, Object> money(long cents) {
        return MoneyView.of(cents, CURRENCY);
    }

    private static Map<String, Object> subscriptionView(Subscription s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("plan", s.plan().name());
        view.put("status", s.status().name());
        view.put("currentPeriodStart", s.currentPeriodStart().toString());
        view.put("currentPeriodEnd", s.currentPeriodEnd().toString());
        view.put("priceCents", s.plan().priceCents());
        view.put("currency", CURRENCY);
        view.put("paymentMethod", Map.of("type", s.paymentMethod().type().name()));
        return view;
    }

    private static Map<String, Object> entryView(LedgerEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("type", e.type().name());
        view.put("amountCents", e.amountCents());
        view.put("currency", CURRENCY);
        view.put("source", e.source().name());
        if (e.plan() != null) {
            view.put("plan", e.plan().name());
        }
        view.put("createdAt", e.createdAt().toString());
        return view;
    }
}
