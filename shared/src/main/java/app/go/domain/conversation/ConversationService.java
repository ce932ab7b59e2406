package app.go.domain.conversation;

import app.go.domain.port.ConversationStore;

import app.go.domain.port.KnowledgeStore;
import app.go.domain.knowledge.KnowledgeService;
import app.go.domain.knowledge.SellerReply;
import app.go.domain.seller.ClientRecord;
import app.go.domain.port.SellerStore;
import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;
import app.go.support.log.Log;
import app.go.domain.port.MessageQueue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Starting conversations, posting and reading messages; a client message is queued for the assistant. */
public final class ConversationService {
    public static final int MAX_TEXT_LENGTH = 5_000;
    /**
     * A client's second conversation with the seller started this soon after the first is taken for a
     * retry of the first start (its answer lost, no Idempotency-Key): the client stays new (PA-ACT-1),
     * so the assistant answers it instead of leaving a "returning client" to the seller.
     */
    public static final java.time.Duration START_RETRY_WINDOW = java.time.Duration.ofMinutes(10);
    private static final Log LOG = Log.get(ConversationService.class);

    private final ConversationStore conversations;
    private final SellerStore sellers;
    private final MessageQueue inbound;
    private final Clock clock;
    /** Where a seller's manual replies are remembered (PA-KB-3 suggestions, PA-SRC-3 tone); null: nowhere. */
    private final KnowledgeService knowledge;

    public ConversationService(ConversationStore conversations, SellerStore sellers, MessageQueue inbound, Clock clock) {
        this(conversations, sellers, inbound, clock, null);
    }

    public ConversationService(ConversationStore conversations, SellerStore sellers, MessageQueue inbound, Clock clock,
                               KnowledgeStore knowledge) {
        this.conversations = conversations;
        this.sellers = sellers;
        this.inbound = inbound;
        this.clock = clock;
        this.knowledge = knowledge == null ? null : new KnowledgeService(sellers, knowledge, clock);
    }

    public Conversation start(Caller client, String sellerId, String serviceId, String text) {
        return start(client, sellerId, serviceId, text, Optional.empty());
    }

    /**
     * @param requestKey the client's Idempotency-Key: a retry with it (even after a crash, once the
     *                   first attempt's claim has expired) finds the same conversation instead of
     *                   starting a second one, and hands its first message to the assistant again
     */
    public Conversation start(Caller client, String sellerId, String serviceId, String text, Optional<String> requestKey) {
        return start(client, sellerId, serviceId, text, requestKey, null);
    }

    /**
     * CM-GEN-3: as above, about one of the client's generations (the caller checked that it is the
     * client's and the seller's); the conversation carries its id for the seller.
     */
    public Conversation start(Caller client, String sellerId, String serviceId, String text, Optional<String> requestKey,
                              String generationId) {
        client.requireRole(Caller.Role.CLIENT);
        sellers.account(sellerId).orElseThrow(() -> DomainException.notFound("seller " + sellerId));
        if (serviceId != null && sellers.services(sellerId).stream().noneMatch(s -> s.serviceId().equals(serviceId))) {
            throw DomainException.notFound("service " + serviceId);
        }
        Instant now = clock.instant();
        String scope = generationId == null ? sellerId : sellerId + "/" + generationId;
        String conversationId = requestKey.map(k -> "c-" + derivedId(client.userId(), scope, k)).orElse("c-" + UUID.randomUUID());
        String messageId = requestKey.map(k -> "m-" + derivedId(client.userId(), sellerId, k, "first")).orElse("m-" + UUID.randomUUID());
        boolean firstContact = sellers.registerFirstContact(sellerId, client.userId(), conversationId, now, START_RETRY_WINDOW);
        boolean hasOrdered = sellers.client(sellerId, client.userId()).map(ClientRecord::hasOrdered).orElse(false);
        Conversation conversation = new Conversation(conversationId, sellerId, client.userId(), serviceId, now, now,
                firstContact && !hasOrdered, HandledBy.ASSISTANT, generationId);
        Message first = new Message(messageId, conversationId, Author.CLIENT, text, null, now);
        if (!conversations.create(conversation, first)) {
            Conversation existing = conversations.find(conversationId).filter(c -> c.clientId().equals(client.userId()))
                    .orElseThrow(() -> DomainException.notFound("conversation " + conversationId));
            LOG.info("conversation start retried; the first attempt's conversation is kept");
            queueForAssistant(existing, messageId);
            return existing;
        }
        Log.put("conversationId", conversationId);
        LOG.info("conversation started", "sellerId", sellerId, "newClient", conversation.newClient());
        queueForAssistant(conversation, first.messageId());
        return conversation;
    }

    public Message post(Caller caller, String conversationId, String text) {
        Conversation conversation = visibleTo(caller, conversationId);
        Instant now = clock.instant();
        if (caller.is(Caller.Role.SELLER)) {
            Message message = new Message("m-" + UUID.randomUUID(), conversationId, Author.SELLER, text, null, now);
            // PA-ACT-8: the seller writes, so the human takes over and the assistant stays quiet; marked
            // first, so an assistant reply being written right now cannot land after the seller's message
            conversations.handOverToSeller(conversation, now);
            conversations.append(conversation, message);
            LOG.info("seller took over the conversation");
            suggestFromSellerReply(conversation, message);
            return message;
        }
        Message message = new Message("m-" + UUID.randomUUID(), conversationId, Author.CLIENT, text, null, now);
        conversations.append(conversation, message);
        queueForAssistant(conversation, message.messageId());
        return message;
    }

    public List<Message> messages(Caller caller, String conversationId) {
        return conversations.messages(visibleTo(caller, conversationId));
    }

    /**
     * PA-BEH-9: the conversation's client or seller rates one of the assistant's replies; a second
     * rating by the same user replaces the first.
     */
    public MessageFeedback giveFeedback(Caller caller, String conversationId, String messageId,
                                        MessageFeedback.Rating rating, String comment) {
        Conversation conversation = visibleTo(caller, conversationId);
        Message message = conversations.findInHistory(conversation, messageId)
                .orElseThrow(() -> DomainException.notFound("message " + messageId));
        if (message.author() != Author.ASSISTANT) {
            throw new DomainException(DomainException.Kind.RULE, "FEEDBACK_NOT_ALLOWED",
                    "feedback can be given on the assistant's replies only");
        }
        MessageFeedback feedback = new MessageFeedback(messageId, caller.userId(), caller.role().name(), rating,
                comment, clock.instant());
        conversations.saveFeedback(conversation, feedback);
        LOG.info("feedback given", "rating", rating.name());
        return feedback;
    }

    /** The feedback on the conversation's messages, for its seller. */
    public List<MessageFeedback> feedback(Caller seller, String conversationId) {
        seller.requireRole(Caller.Role.SELLER);
        return conversations.feedback(visibleTo(seller, conversationId));
    }

    /** PA-BEH-8: the seller's response rate, the assistant's replies included. */
    public ResponseStats responseStats(Caller seller) {
        seller.requireRole(Caller.Role.SELLER);
        return conversations.responseStats(seller.userId());
    }

    public List<Conversation> inbox(Caller seller) {
        seller.requireRole(Caller.Role.SELLER);
        return conversations.inbox(seller.userId());
    }

    public java.util.Optional<String> summary(Conversation conversation) {
        return conversations.summary(conversation);
    }

    public java.util.Optional<app.go.domain.assistant.HandoffBrief> brief(Conversation conversation) {
        return conversations.brief(conversation);
    }

    /** The conversation if the caller is its client or its seller; anyone else gets a 404 (DATA-2). */
    public Conversation visibleTo(Caller caller, String conversationId) {
        Conversation conversation = conversations.find(conversationId)
                .orElseThrow(() -> DomainException.notFound("conversation " + conversationId));
        boolean mine = switch (caller.role()) {
            case CLIENT -> conversation.clientId().equals(caller.userId());
            case SELLER -> conversation.sellerId().equals(caller.userId());
            case PLATFORM -> false;
        };
        if (!mine) {
            throw DomainException.notFound("conversation " + conversationId);
        }
        Log.put("conversationId", conversationId);
        return conversation;
    }

    /**
     * PA-KB-3: the seller's answer and the question the assistant could not answer since the seller's
     * previous message (a CANNOT_ANSWER or complex-request turn, or a client question nobody answered)
     * may become an entry; greetings and small talk never do. Every reply still teaches the tone (PA-SRC-3).
     */
    private void suggestFromSellerReply(Conversation conversation, Message sellerMessage) {
        if (knowledge == null) {
            return;
        }
        String question = unansweredQuestion(conversation, sellerMessage).orElse("");
        knowledge.recordSellerReply(conversation.sellerId(), new SellerReply(conversation.conversationId(),
                sellerMessage.messageId(), conversation.serviceId(), question, sellerMessage.text(), sellerMessage.createdAt()));
    }

    private Optional<String> unansweredQuestion(Conversation conversation, Message sellerMessage) {
        List<Message> messages = conversations.messages(conversation).stream()
                .filter(m -> !m.messageId().equals(sellerMessage.messageId())).toList();
        java.time.Instant since = messages.stream().filter(m -> m.author() == Author.SELLER).map(Message::createdAt)
                .reduce((first, second) -> second).orElse(Instant.MIN);
        java.util.Set<String> couldNotAnswer = new java.util.HashSet<>();
        conversations.turns(conversation).stream().filter(app.go.domain.assistant.TurnRecord::couldNotAnswer)
                .forEach(t -> couldNotAnswer.add(t.messageId()));
        Optional<String> found = Optional.empty();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.author() != Author.CLIENT || !m.createdAt().isAfter(since)
                    || !app.go.domain.knowledge.UnansweredQuestions.worthListing(m.text())) {
                continue;
            }
            boolean answered = messages.subList(i + 1, messages.size()).stream()
                    .anyMatch(later -> later.author() == Author.ASSISTANT && !later.messageId().contains("-followup"));
            boolean asks = m.text().contains("?") || m.text().contains("？") || m.text().contains("؟");
            if (couldNotAnswer.contains(m.messageId()) || (!answered && asks)) {
                found = Optional.of(m.text().strip()); // the latest one wins
            }
        }
        return found;
    }

    /**
     * The message is in the outbox already (written with it) until the assistant handles it; sending
     * now is the fast path. If the queue refuses, the client still gets their 2xx: {@link OutboxRelay}
     * sends it within minutes, and the queue's deduplication id and the reply's business key keep a
     * double send to one reply.
     */
    private void queueForAssistant(Conversation conversation, String messageId) {
        InboundMessage message = new InboundMessage(conversation.sellerId(), conversation.conversationId(), messageId);
        try {
            inbound.send(message, conversation.conversationId(), messageId);
        } catch (RuntimeException e) {
            LOG.error("queue send failed; the outbox relay will send the message", e, "messageId", messageId);
        }
    }

    private static String derivedId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("#", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
