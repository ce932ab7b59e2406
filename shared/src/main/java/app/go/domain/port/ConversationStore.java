package app.go.domain.port;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.Message;
import app.go.domain.conversation.MessageFeedback;
import app.go.domain.conversation.ResponseStats;

import app.go.domain.conversation.InboundMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port to conversations and their messages. */
public interface ConversationStore {

    /**
     * Writes the conversation and its first message; in the same write the message enters the outbox
     * of messages for the assistant, so a stored client message is never left unhandled.
     *
     * @return false, writing nothing, if a conversation with this id exists already (a retried start)
     */
    boolean create(Conversation conversation, Message firstMessage);

    /** Finds a conversation by its id alone (callers then check it is theirs). */
    Optional<Conversation> find(String conversationId);

    /** Appends a message; a client's message enters the outbox in the same write (see {@link #create}). */
    void append(Conversation conversation, Message message);

    /**
     * Outbox: client messages the assistant has not handled yet whose last send was before
     * {@code before}, oldest first. A record stays until the message is handled, so a message lost
     * with the queue (a send that failed, a restart of a local queue) is sent again.
     */
    List<InboundMessage> unhandled(Instant before, int limit);

    /** Outbox: the message was sent again at {@code at}; nothing if it was handled meanwhile. */
    void resent(InboundMessage message, Instant at);

    /** Outbox: the assistant handled the message (replied or stayed quiet by a rule); a second call is harmless. */
    void markHandled(InboundMessage message);

    /**
     * Stores the assistant's reply to {@code inbound} under a key derived from it, unless the seller
     * has taken the conversation over meanwhile (PA-ACT-8).
     *
     * @return false, storing nothing, if a reply to that message already exists (a duplicate
     *         delivery) or the seller handles the conversation now
     */
    boolean appendReply(Conversation conversation, Message inbound, Message reply);

    /** Looks the message up among the conversation's messages (one query, not a point read: its key holds the time, which callers do not know). */
    Optional<Message> findInHistory(Conversation conversation, String messageId);

    /** Oldest first. */
    List<Message> messages(Conversation conversation);

    void handOverToSeller(Conversation conversation, Instant at);

    void saveSummary(Conversation conversation, String summary, Instant at);

    Optional<String> summary(Conversation conversation);

    /** PA-BEH-5: stores the model's structured turn on a client message; storing the same message's turn again replaces it. */
    void saveTurn(Conversation conversation, app.go.domain.assistant.TurnRecord turn);

    /** The conversation's stored turns, oldest first. */
    List<app.go.domain.assistant.TurnRecord> turns(Conversation conversation);

    /** PA-BEH-5: stores the handoff brief; the summary becomes its text. */
    void saveBrief(Conversation conversation, app.go.domain.assistant.HandoffBrief brief, Instant at);

    Optional<app.go.domain.assistant.HandoffBrief> brief(Conversation conversation);

    /** The seller's conversations, most recent activity first. */
    List<Conversation> inbox(String sellerId);

    /** PA-BEH-9: stores the user's feedback on a message, replacing their earlier feedback on it. */
    void saveFeedback(Conversation conversation, MessageFeedback feedback);

    List<MessageFeedback> feedback(Conversation conversation);

    /**
     * PA-BEH-8: the seller's conversations and how many got an assistant or seller message after the
     * client wrote. Adapters that record the first response on the conversation answer without
     * reading the messages.
     */
    default ResponseStats responseStats(String sellerId) {
        List<Conversation> all = inbox(sellerId);
        int responded = (int) all.stream()
                .filter(c -> messages(c).stream().anyMatch(m -> m.author() != Author.CLIENT)).count();
        return new ResponseStats(all.size(), responded);
    }

    /** A conversation with its messages (oldest first), as answering one message reads it. */
    record Snapshot(Conversation conversation, List<Message> messages) {
        public Snapshot {
            messages = List.copyOf(messages);
        }
    }

    /** The seller's conversation and its messages; one round trip where the store allows (issue 7 item 5). */
    default Optional<Snapshot> snapshot(String sellerId, String conversationId) {
        return find(conversationId).filter(c -> c.sellerId().equals(sellerId)).map(c -> new Snapshot(c, messages(c)));
    }

    /** What became of an assistant reply offered for storing with its count. */
    enum ReplyWrite { STORED, DUPLICATE, SELLER_HANDLES, DAILY_LIMIT_REACHED }

    /**
     * Stores the assistant's reply and counts it toward the seller's daily limit (PA-LIM-2) as one
     * write where the store allows, keyed on the message answered: a retry finds it stored and
     * counted ({@code DUPLICATE}); a limit reached or a seller who took over (PA-ACT-8) stores and
     * counts nothing. This default is the sequential form: the count is idempotent on the reply id.
     */
    /**
     * {@link #appendCountedReply(Conversation, Message, Message, SellerStore, LocalDate, int)} with the
     * model's structured turn on the client's message (PA-BEH-5), stored with the reply where the store
     * allows (issue 7 item 5: no write of its own); this default stores it after a stored reply.
     */
    default ReplyWrite appendCountedReply(Conversation conversation, Message inbound, Message reply,
                                          app.go.domain.assistant.TurnRecord turn, SellerStore sellers, LocalDate day, int limit) {
        ReplyWrite written = appendCountedReply(conversation, inbound, reply, sellers, day, limit);
        if (written == ReplyWrite.STORED) {
            saveTurn(conversation, turn);
        }
        return written;
    }

    default ReplyWrite appendCountedReply(Conversation conversation, Message inbound, Message reply,
                                          SellerStore sellers, LocalDate day, int limit) {
        if (find(conversation.conversationId()).map(Conversation::takenOverBySeller).orElse(true)) {
            return ReplyWrite.SELLER_HANDLES;
        }
        if (findInHistory(conversation, reply.messageId()).isPresent()) {
            return ReplyWrite.DUPLICATE; // an earlier attempt stored (and counted) it
        }
        if (!sellers.tryCountAssistantMessage(conversation.sellerId(), day, limit, reply.messageId())) {
            return ReplyWrite.DAILY_LIMIT_REACHED;
        }
        return appendReply(conversation, inbound, reply) ? ReplyWrite.STORED : ReplyWrite.DUPLICATE;
    }
}
