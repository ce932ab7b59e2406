package app.go.billing.handler;

import app.go.domain.billing.Plan;
import app.go.domain.billing.ProratedUpgrade;
import app.go.support.errors.DomainException;
import app.go.support.log.Log;
import app.go.wiring.lambda.Invocation;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * BILL-8 {@code prorateUpgrade}: the refund for switching {@code {"sellerId","from","to","at"}} (at:
 * ISO-8601, default now), computed by {@link ProratedUpgrade} from the seller's running subscription.
 * Returns {@code {"sellerId","from","to","at","currentPeriodEnd","remainingDays","dailyRateCents",
 * "refund":{"amountCents","currency"}}} and changes nothing; the upgrade itself is
 * {@code POST /sellers/me/subscriptions/upgrade}, which uses the same service.
 */
public final class ProrateUpgradeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.get(ProrateUpgradeHandler.class);

    private final ProratedUpgrade upgrades;

    public ProrateUpgradeHandler() {
        this(Adapters.fromEnvironment());
    }

    public ProrateUpgradeHandler(Adapters adapters) {
        this(new ProratedUpgrade(
                adapters.billing(),
                adapters.sellers(),
                adapters.idempotency(),
                adapters.paymentGateway(),
                adapters.clock()));
    }

    public ProrateUpgradeHandler(ProratedUpgrade upgrades) {
        this.upgrades = upgrades;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Invocation.begin(context);
        String sellerId = text(event, "sellerId");
        Log.put("sellerId", sellerId);
        Plan from = plan(event, "from");
        Plan to = plan(event, "to");
        Object at = event.get("at");
        ProratedUpgrade.Quote quote = at == null || at.toString().isBlank()
                ? upgrades.quote(sellerId, from, to)
                : upgrades.quote(sellerId, from, to, instant(at.toString()));
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("amountCents", quote.proration().refundCents());
        refund.put("currency", "USD");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sellerId", sellerId);
        result.put("from", from.name());
        result.put("to", to.name());
        result.put("at", quote.at().toString());
        result.put("currentPeriodEnd", quote.from().currentPeriodEnd().toString());
        result.put("remainingDays", quote.proration().remainingDays());
        result.put("dailyRateCents", quote.proration().dailyRateCents());
        result.put("refund", refund);
        LOG.info("upgrade prorated", "remainingDays", quote.proration().remainingDays(), "refundCents", quote.proration().refundCents());
        return result;
    }

    private static String text(Map<String, Object> event, String field) {
        Object value = event == null ? null : event.get(field);
        if (value == null || value.toString().isBlank()) {
            throw DomainException.validation(field + " is required");
        }
        return value.toString();
    }

    private static Plan plan(Map<String, Object> event, String field) {
        try {
            return Plan.valueOf(text(event, field).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.validation(field + " must be one of PERSONAL_ASSISTANT, CREATION_MODEL, SELLER_PLUS_PREMIUM");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.validation("at must be an ISO-8601 instant such as 2026-03-08T09:00:00Z");
        }
    }
}
