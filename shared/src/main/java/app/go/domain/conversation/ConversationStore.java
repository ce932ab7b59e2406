package app.go.domain.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to conversations and their messages. */
public interface ConversationStore {

    void create(Conversation conversation, Message firstMessage);

    /** Finds a conversation by its id alone (callers then check it is theirs). */
    Optional<Conversation> find(String conversationId);

    void append(Conversation conversation, Message message);

    /**
     * Stores the assistant's reply to {@code inbound} under a key derived from it.
     *
     * @return false if a reply to that message already exists (a duplicate delivery)
     */
    boolean appendReply(Conversation conversation, Message inbound, Message reply);

    Optional<Message> message(Conversation conversation, String messageId);

    /** Oldest first. */
    List<Message> messages(Conversation conversation);

    void handOverToSeller(Conversation conversation, Instant at);

    void saveSummary(Conversation conversation, String summary, Instant at);

    Optional<String> summary(Conversation conversation);

    /** The seller's conversations, most recent activity first. */
    List<Conversation> inbox(String sellerId);
}
