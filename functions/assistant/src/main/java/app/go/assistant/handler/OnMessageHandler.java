package app.go.assistant.handler;

import app.go.domain.assistant.AssistantResponder;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.port.ConversationStore;
import app.go.adapter.aws.sfn.SfnWorkflowStarter;
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
 * Consumes the inbound-messages FIFO queue: each record is a client's message the assistant may
 * answer. Failed records are reported so only they come back (and, per conversation, in order).
 */
public final class OnMessageHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Log LOG = Log.get(OnMessageHandler.class);

    private final AssistantResponder responder;
    private final ConversationStore outbox;
    private final DeadLetters deadLetters;
    /** Held here because CRaC keeps registered resources only weakly; null when built around a given service. */
    private final OnMessagePriming priming;

    public OnMessageHandler() {
        this(Adapters.fromEnvironment());
    }

    public OnMessageHandler(Adapters adapters) {
        this(responder(adapters), adapters.conversations(), adapters.deadLetters(SystemTopology.INBOUND_MESSAGES),
                OnMessagePriming.registered(adapters));
    }

    public OnMessageHandler(AssistantResponder responder, ConversationStore outbox, DeadLetters deadLetters) {
        this(responder, outbox, deadLetters, null);
    }

    private OnMessageHandler(AssistantResponder responder, ConversationStore outbox, DeadLetters deadLetters,
                             OnMessagePriming priming) {
        this.responder = responder;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.priming = priming;
    }

    private static AssistantResponder responder(Adapters adapters) {
        return new AssistantResponder(
                adapters.conversations(),
                adapters.sellers(),
                adapters.languageModel(),
                adapters.idempotency(),
                new SfnWorkflowStarter(adapters.sfn(), adapters.env().require(SystemTopology.HANDOFF.envVar())),
                adapters.clock(),
                adapters.knowledge(),
                adapters.knowledgeRetriever(),
                new SfnWorkflowStarter(adapters.sfn(), adapters.env().require(SystemTopology.FOLLOW_UP.envVar())));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, deadLetters, record -> {
            Invocation.begin(context);
            InboundMessage inbound = QueueEnvelope.open(record.getBody(), InboundMessage.class,
                    "sellerId", "conversationId", "messageId");
            AssistantResponder.Outcome outcome = responder.respond(inbound);
            outbox.markHandled(inbound); // answered or deliberately not: the outbox relay stops sending it
            LOG.info("message handled", "outcome", outcome.name());
        });
    }
}
