package app.go.testing;

import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationStore;
import app.go.domain.conversation.HandledBy;
import app.go.domain.conversation.Message;
import app.go.domain.conversation.MessageFeedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** ConversationStore in memory, for rule tests. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, List<Message>> messages = new ConcurrentHashMap<>();
    private final Map<String, String> summaries = new ConcurrentHashMap<>();
    private final Map<String, String> repliedTo = new ConcurrentHashMap<>();

    @Override
    public void create(Conversation conversation, Message firstMessage) {
        conversations.put(conversation.conversationId(), conversation);
        messages.put(conversation.conversationId(), new ArrayList<>(List.of(firstMessage)));
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public synchronized void append(Conversation conversation, Message message) {
        messages.get(conversation.conversationId()).add(message);
    }

    @Override
    public synchronized boolean appendReply(Conversation conversation, Message inbound, Message reply) {
        if (repliedTo.putIfAbsent(inbound.messageId(), reply.messageId()) != null) {
            return false;
        }
        messages.get(conversation.conversationId()).add(reply);
        return true;
    }

    @Override
    public Optional<Message> message(Conversation conversation, String messageId) {
        return messages(conversation).stream().filter(m -> m.messageId().equals(messageId)).findFirst();
    }

    @Override
    public synchronized List<Message> messages(Conversation conversation) {
        return messages.getOrDefault(conversation.conversationId(), List.of()).stream()
                .sorted(Comparator.comparing(Message::createdAt)).toList();
    }

    @Override
    public void handOverToSeller(Conversation c, Instant at) {
        conversations.put(c.conversationId(), new Conversation(c.conversationId(), c.sellerId(), c.clientId(), c.serviceId(),
                c.createdAt(), at, c.newClient(), HandledBy.SELLER));
    }

    @Override
    public void saveSummary(Conversation conversation, String summary, Instant at) {
        summaries.put(conversation.conversationId(), summary);
    }

    @Override
    public Optional<String> summary(Conversation conversation) {
        return Optional.ofNullable(summaries.get(conversation.conversationId()));
    }

    @Override
    public List<Conversation> inbox(String sellerId) {
        return conversations.values().stream().filter(c -> c.sellerId().equals(sellerId)).toList();
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
