package app.go.billing.handler;

import app.go.domain.billing.Plan;
import app.go.domain.billing.Renewal;
import app.go.support.json.Json;
import app.go.wiring.lambda.SqsBatch;
import app.go.support.log.Log;
import app.go.wiring.lambda.Invocation;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Consumes the renewals queue: {@code {"sellerId","plan","periodEnd"}} per record. Renewal is
 * exactly once per subscription and period (BILL-9), so redeliveries and duplicates are harmless;
 * a record whose renewal is still running elsewhere fails and comes back later. The payment
 * provider comes from {@code PAYMENTS_PROVIDER} (offline when absent).
 */
public final class RenewSubscriptionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Log LOG = Log.get(RenewSubscriptionHandler.class);

    private final Renewal renewal;

    public RenewSubscriptionHandler() {
        this(Adapters.fromEnvironment());
    }

    public RenewSubscriptionHandler(Adapters adapters) {
        this(new Renewal(
                adapters.billing(),
                adapters.sellers(),
                adapters.idempotency(),
                adapters.paymentGateway(),
                adapters.clock()));
    }

    public RenewSubscriptionHandler(Renewal renewal) {
        this.renewal = renewal;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, record -> {
            Invocation.begin(context);
            JsonNode body = Json.parse(record.getBody());
            String sellerId = required(body, "sellerId");
            Log.put("sellerId", sellerId);
            Renewal.Outcome outcome = renewal.renew(sellerId, Plan.valueOf(required(body, "plan")),
                    Instant.parse(required(body, "periodEnd")));
            LOG.info("renewal message handled", "outcome", outcome.name());
        });
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("renewal message without " + field);
        }
        return value.asText();
    }
}
