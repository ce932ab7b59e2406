package app.go.assistant.fakes;

import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationStore;
import app.go.domain.conversation.HandledBy;
import app.go.domain.conversation.Message;
import app.go.domain.conversation.MessageFeedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ConversationStore in memory, for unit tests. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final Map<String, List<Message>> messages = new HashMap<>();
    private final Map<String, String> summaries = new HashMap<>();
    private final Map<String, Instant> summarizedAt = new HashMap<>();

    @Override
    public synchronized void create(Conversation conversation, Message firstMessage) {
        conversations.put(conversation.conversationId(), conversation);
        messages.put(conversation.conversationId(), new ArrayList<>(List.of(firstMessage)));
    }

    @Override
    public synchronized Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public synchronized void append(Conversation conversation, Message message) {
        messages.computeIfAbsent(conversation.conversationId(), k -> new ArrayList<>()).add(message);
        touch(conversation.conversationId(), message.createdAt(), null);
    }

    @Override
    public synchronized boolean appendReply(Conversation conversation, Message inbound, Message reply) {
        List<Message> list = messages.computeIfAbsent(conversation.conversationId(), k -> new ArrayList<>());
        if (list.stream().anyMatch(m -> m.messageId().equals(reply.messageId()))) {
            return false;
        }
        list.add(reply);
        touch(conversation.conversationId(), reply.createdAt(), null);
        return true;
    }

    @Override
    public synchronized Optional<Message> message(Conversation conversation, String messageId) {
        return messages.getOrDefault(conversation.conversationId(), List.of()).stream()
                .filter(m -> m.messageId().equals(messageId)).findFirst();
    }

    @Override
    public synchronized List<Message> messages(Conversation conversation) {
        return messages.getOrDefault(conversation.conversationId(), List.of()).stream()
                .sorted(Comparator.comparing(Message::createdAt)).toList();
    }

    @Override
    public synchronized void handOverToSeller(Conversation conversation, Instant at) {
        touch(conversation.conversationId(), at, HandledBy.SELLER);
    }

    @Override
    public synchronized void saveSummary(Conversation conversation, String summary, Instant at) {
        summaries.put(conversation.conversationId(), summary);
        summarizedAt.put(conversation.conversationId(), at);
    }

    @Override
    public synchronized Optional<String> summary(Conversation conversation) {
        return Optional.ofNullable(summaries.get(conversation.conversationId()));
    }

    @Override
    public synchronized List<Conversation> inbox(String sellerId) {
        return conversations.values().stream().filter(c -> c.sellerId().equals(sellerId))
                .sorted(Comparator.comparing(Conversation::lastActivityAt).reversed()).toList();
    }

    /** When the summary was saved, if it was. */
    public synchronized Optional<Instant> summarizedAt(String conversationId) {
        return Optional.ofNullable(summarizedAt.get(conversationId));
    }

    private void touch(String conversationId, Instant at, HandledBy handledBy) {
        Conversation c = conversations.get(conversationId);
        if (c != null) {
            conversations.put(conversationId, new Conversation(c.conversationId(), c.sellerId(), c.clientId(), c.serviceId(),
                    c.createdAt(), at, c.newClient(), handledBy == null ? c.handledBy() : handledBy));
        }
    }

    private final Map<String, MessageFeedback> feedback = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void saveFeedback(Conversation conversation, MessageFeedback f) {
        feedback.put(conversation.conversationId() + "/" + f.messageId() + "/" + f.userId(), f);
    }

    @Override
    public List<MessageFeedback> feedback(Conversation conversation) {
        return feedback.entrySet().stream().filter(e -> e.getKey().startsWith(conversation.conversationId() + "/"))
                .map(Map.Entry::getValue).toList();
    }
}
