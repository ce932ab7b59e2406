package app.go.testing;

import app.go.domain.conversation.Conversation;
import app.go.domain.port.ConversationStore;
import app.go.domain.conversation.HandledBy;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.conversation.Author;
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

/** ConversationStore in memory: a message moves the conversation's last activity, like the table. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final Map<String, List<Message>> messages = new HashMap<>();
    private final Map<String, String> repliedTo = new HashMap<>();
    private final Map<String, String> summaries = new HashMap<>();
    private final Map<String, Instant> summarizedAt = new HashMap<>();
    private final Map<String, MessageFeedback> feedback = new LinkedHashMap<>();
    private final Map<String, Unqueued> outbox = new LinkedHashMap<>();

    private record Unqueued(InboundMessage message, Instant at) {}

    @Override
    public synchronized boolean create(Conversation conversation, Message firstMessage) {
        if (conversations.containsKey(conversation.conversationId())) {
            return false;
        }
        conversations.put(conversation.conversationId(), conversation);
        messages.put(conversation.conversationId(), new ArrayList<>(List.of(firstMessage)));
        outbox.put(firstMessage.messageId(), new Unqueued(new InboundMessage(conversation.sellerId(),
                conversation.conversationId(), firstMessage.messageId()), firstMessage.createdAt()));
        return true;
    }

    @Override
    public synchronized List<InboundMessage> unhandled(Instant before, int limit) {
        return outbox.values().stream().filter(u -> u.at().isBefore(before))
                .sorted(java.util.Comparator.comparing(Unqueued::at)).limit(limit).map(Unqueued::message).toList();
    }

    @Override
    public synchronized void resent(InboundMessage message, Instant at) {
        outbox.computeIfPresent(message.messageId(), (id, u) -> new Unqueued(u.message(), at));
    }

    @Override
    public synchronized void markHandled(InboundMessage message) {
        outbox.remove(message.messageId());
    }

    @Override
    public synchronized Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public synchronized void append(Conversation conversation, Message message) {
        messagesOf(conversation).add(message);
        if (message.author() == Author.CLIENT) {
            outbox.put(message.messageId(), new Unqueued(new InboundMessage(conversation.sellerId(),
                    conversation.conversationId(), message.messageId()), message.createdAt()));
        }
        touch(conversation, message.createdAt(), null);
    }

    /** The reply is keyed on the message it answers (and cannot take an id already used). */
    @Override
    public synchronized boolean appendReply(Conversation conversation, Message inbound, Message reply) {
        List<Message> list = messagesOf(conversation);
        if (conversations.get(conversation.conversationId()).handledBy() == HandledBy.SELLER
                || repliedTo.containsKey(inbound.messageId())
                || list.stream().anyMatch(m -> m.messageId().equals(reply.messageId()))) {
            return false;
        }
        repliedTo.put(inbound.messageId(), reply.messageId());
        list.add(reply);
        touch(conversation, reply.createdAt(), null);
        return true;
    }

    @Override
    public synchronized Optional<Message> findInHistory(Conversation conversation, String messageId) {
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
        touch(conversation, at, HandledBy.SELLER);
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

    private final Map<String, Map<String, app.go.domain.assistant.TurnRecord>> turns = new HashMap<>();
    private final Map<String, app.go.domain.assistant.HandoffBrief> briefs = new HashMap<>();

    @Override
    public synchronized void saveTurn(Conversation conversation, app.go.domain.assistant.TurnRecord turn) {
        turns.computeIfAbsent(conversation.conversationId(), k -> new LinkedHashMap<>()).put(turn.messageId(), turn);
    }

    @Override
    public synchronized List<app.go.domain.assistant.TurnRecord> turns(Conversation conversation) {
        return turns.getOrDefault(conversation.conversationId(), Map.of()).values().stream()
                .sorted(Comparator.comparing(app.go.domain.assistant.TurnRecord::at)).toList();
    }

    @Override
    public synchronized void saveBrief(Conversation conversation, app.go.domain.assistant.HandoffBrief brief, Instant at) {
        briefs.put(conversation.conversationId(), brief);
        saveSummary(conversation, brief.text(), at);
    }

    @Override
    public synchronized Optional<app.go.domain.assistant.HandoffBrief> brief(Conversation conversation) {
        return Optional.ofNullable(briefs.get(conversation.conversationId()));
    }

    /** When the summary was saved, if it was. */
    public synchronized Optional<Instant> summarizedAt(String conversationId) {
        return Optional.ofNullable(summarizedAt.get(conversationId));
    }

    @Override
    public synchronized List<Conversation> inbox(String sellerId) {
        return conversations.values().stream().filter(c -> c.sellerId().equals(sellerId))
                .sorted(Comparator.comparing(Conversation::lastActivityAt).reversed()).toList();
    }

    @Override
    public synchronized void saveFeedback(Conversation conversation, MessageFeedback f) {
        feedback.put(conversation.conversationId() + "/" + f.messageId() + "/" + f.userId(), f);
    }

    @Override
    public synchronized List<MessageFeedback> feedback(Conversation conversation) {
        return feedback.entrySet().stream().filter(e -> e.getKey().startsWith(conversation.conversationId() + "/"))
                .map(Map.Entry::getValue).toList();
    }

    private List<Message> messagesOf(Conversation conversation) {
        return messages.computeIfAbsent(conversation.conversationId(), k -> new ArrayList<>());
    }

    private void touch(Conversation conversation, Instant at, HandledBy handledBy) {
        Conversation c = conversations.getOrDefault(conversation.conversationId(), conversation);
        conversations.put(c.conversationId(), new Conversation(c.conversationId(), c.sellerId(), c.clientId(), c.serviceId(),
                c.createdAt(), at, c.newClient(), handledBy == null ? c.handledBy() : handledBy));
    }
}
