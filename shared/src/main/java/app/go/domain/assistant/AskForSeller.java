package app.go.domain.assistant;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.port.ConversationStore;
import app.go.domain.conversation.Message;
import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;
import app.go.support.log.Log;
import app.go.domain.port.WorkflowStarter;

import java.util.List;
import java.util.Map;

/**
 * PA-BEH-4 / PA-BEH-5: the client chooses to talk to the seller. This starts the handoff workflow
 * with the reason ASKED_FOR_SELLER; its steps write the summary and send the seller the
 * CLIENT_ASKED_FOR_SELLER notification. The execution is named by the conversation and the
 * client's last message, so asking again without writing starts nothing new.
 */
public final class AskForSeller {
    private static final Log LOG = Log.get(AskForSeller.class);

    private final ConversationService conversations;
    private final ConversationStore store;
    private final WorkflowStarter handoff;

    public AskForSeller(ConversationService conversations, ConversationStore store, WorkflowStarter handoff) {
        this.conversations = conversations;
        this.store = store;
        this.handoff = handoff;
    }

    /** @return the execution name of the handoff */
    public String ask(Caller caller, String conversationId) {
        if (!caller.is(Caller.Role.CLIENT)) {
            throw DomainException.notFound("conversation " + conversationId); // only the conversation's client asks
        }
        Conversation conversation = conversations.visibleTo(caller, conversationId);
        Message last = store.messages(conversation).stream().filter(m -> m.author() == Author.CLIENT)
                .reduce((first, second) -> second)
                .orElseThrow(() -> DomainException.notFound("conversation " + conversationId));
        String executionName = executionName(conversationId, last.messageId());
        handoff.start(executionName, Map.of(
                "sellerId", conversation.sellerId(),
                "conversationId", conversationId,
                "messageId", last.messageId(),
                "reasons", List.of(HandoffReason.ASKED_FOR_SELLER.name())));
        LOG.info("client asked for the seller; handoff workflow started");
        return executionName;
    }

    /** Distinct from the name of a handoff the same message's text started (the last part survives shortening). */
    static String executionName(String conversationId, String messageId) {
        return "handoff-" + conversationId + "-" + messageId + "-asked";
    }
}
