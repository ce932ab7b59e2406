package app.go.billing.handler;

import app.go.domain.billing.Plan;
import app.go.domain.billing.Renewal;
import app.go.support.queue.DeadLetters;
import app.go.support.queue.PoisonRecordException;
import app.go.support.queue.QueueEnvelope;
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
import java.time.format.DateTimeParseException;

/**
 * Consumes the renewals queue: {@code {"sellerId","plan","periodEnd"}} per record. Renewal is
 * exactly once per subscription and period (BILL-9), so redeliveries and duplicates are harmless;
 * a record whose renewal is still running elsewhere fails and comes back later. The payment
 * provider comes from {@code PAYMENTS_PROVIDER} (offline when absent).
 */
public final class RenewSubscriptionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Log LOG = Log.get(RenewSubscriptionHandler.class);

    private final Renewal renewal;
    private final DeadLetters deadLetters;

    public RenewSubscriptionHandler() {
        this(Adapters.fromEnvironment());
    }

    public RenewSubscriptionHandler(Adapters adapters) {
        this(new Renewal(
                adapters.billing(),
                adapters.sellers(),
                adapters.idempotency(),
                adapters.paymentGateway(),
                adapters.clock()), adapters.deadLetters(SystemTopology.RENEWALS));
    }

    public RenewSubscriptionHandler(Renewal renewal, DeadLetters deadLetters) {
        this.renewal = renewal;
        this.deadLetters = deadLetters;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, deadLetters, record -> {
            Invocation.begin(context);
            JsonNode body = QueueEnvelope.open(record.getBody(), "sellerId", "plan", "periodEnd");
            String sellerId = body.get("sellerId").asText();
            Log.put("sellerId", sellerId);
            Renewal.Outcome outcome = renewal.renew(sellerId, plan(body.get("plan").asText()),
                    periodEnd(body.get("periodEnd").asText()));
            LOG.info("renewal message handled", "outcome", outcome.name());
        });
    }

    private static Plan plan(String name) {
        try {
            return Plan.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("unknown plan " + name);
        }
    }

    private static Instant periodEnd(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException("periodEnd is not an ISO-8601 instant: " + text);
        }
    }
}
