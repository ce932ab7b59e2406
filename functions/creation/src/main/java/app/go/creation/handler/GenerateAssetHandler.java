package app.go.creation.handler;

import app.go.domain.creation.GenerationRequested;
import app.go.domain.creation.GenerationWorker;
import app.go.support.json.Json;
import app.go.support.queue.DeadLetters;
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

/**
 * Consumes the generations queue: each record names a generation (a client's request or a
 * revision) to produce once. Failed records are reported and come back; on the queue's last
 * delivery a failure marks the generation FAILED instead of leaving the client waiting.
 */
public final class GenerateAssetHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Log LOG = Log.get(GenerateAssetHandler.class);

    private final GenerationWorker worker;
    private final DeadLetters deadLetters;

    public GenerateAssetHandler() {
        this(Adapters.fromEnvironment());
    }

    public GenerateAssetHandler(Adapters adapters) {
        this(new GenerationWorker(
                adapters.creations(),
                adapters.generations(),
                adapters.blobStore(), adapters.assetGenerator(),
                adapters.idempotency(),
                adapters.clock()), adapters.deadLetters(SystemTopology.GENERATIONS));
    }

    public GenerateAssetHandler(GenerationWorker worker, DeadLetters deadLetters) {
        this.worker = worker;
        this.deadLetters = deadLetters;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, deadLetters, record -> {
            Invocation.begin(context);
            GenerationRequested requested = QueueEnvelope.open(record.getBody(), GenerationRequested.class,
                    "sellerId", "generationId");
            Log.put("generationId", requested.generationId());
            var status = worker.generate(requested.sellerId(), requested.generationId(), lastAttempt(record));
            LOG.info("generation handled", "status", status.map(Enum::name).orElse("MISSING"));
        });
    }

    /** The queue's last delivery before the dead-letter queue. */
    private static boolean lastAttempt(SQSEvent.SQSMessage record) {
        String count = record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
        try {
            return count != null && Integer.parseInt(count) >= SystemTopology.GENERATIONS.maxReceiveCount();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
