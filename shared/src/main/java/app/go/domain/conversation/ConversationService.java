package app.go.domain.conversation;

import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.SellerStore;
import app.go.shared.auth.Caller;
import app.go.shared.errors.DomainException;
import app.go.shared.log.Log;
import app.go.shared.queue.MessageQueue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Starting conversations, posting and reading messages; a client message is queued for the assistant. */
public final class ConversationService {
    public static final int MAX_TEXT_LENGTH = 5_000;
    private static final Log LOG = Log.get(ConversationService.class);

    private final ConversationStore conversations;
    private final SellerStore sellers;
    private final MessageQueue inbound;
    private final Clock clock;

    public ConversationService(ConversationStore conversations, SellerStore sellers, MessageQueue inbound, Clock clock) {
        this.conversations = conversations;
        this.sellers = sellers;
        this.inbound = inbound;
        this.clock = clock;
    }

    public Conversation start(Caller client, String sellerId, String serviceId, String text) {
        client.requireRole(Caller.Role.CLIENT);
        sellers.account(sellerId).orElseThrow(() -> DomainException.notFound("seller " + sellerId));
        if (serviceId != null && sellers.services(sellerId).stream().noneMatch(s -> s.serviceId().equals(serviceId))) {
            throw DomainException.notFound("service " + serviceId);
        }
        Instant now = clock.instant();
        String conversationId = "c-" + UUID.randomUUID();
        boolean firstContact = sellers.registerFirstContact(sellerId, client.userId(), conversationId);
        boolean hasOrdered = sellers.client(sellerId, client.userId()).map(ClientRecord::hasOrdered).orElse(false);
        Conversation conversation = new Conversation(conversationId, sellerId, client.userId(), serviceId, now, now,
                firstContact && !hasOrdered, HandledBy.ASSISTANT);
        Message first = new Message("m-" + UUID.randomUUID(), conversationId, Author.CLIENT, text, null, now);
        conversations.create(conversation, first);
        Log.put("conversationId", conversationId);
        LOG.info("conversation started", "sellerId", sellerId, "newClient", conversation.newClient());
        queueForAssistant(conversation, first);
        return conversation;
    }

    public Message post(Caller caller, String conversationId, String text) {
        Conversation conversation = visibleTo(caller, conversationId);
        Instant now = clock.instant();
        if (caller.is(Caller.Role.SELLER)) {
            Message message = new Message("m-" + UUID.randomUUID(), conversationId, Author.SELLER, text, null, now);
            conversations.append(conversation, message);
            // PA-ACT-8: the seller wrote, so the human has taken over and the assistant stays quiet
            conversations.handOverToSeller(conversation, now);
            LOG.info("seller took over the conversation");
            return message;
        }
        Message message = new Message("m-" + UUID.randomUUID(), conversationId, Author.CLIENT, text, null, now);
        conversations.append(conversation, message);
        queueForAssistant(conversation, message);
        return message;
    }

    public List<Message> messages(Caller caller, String conversationId) {
        return conversations.messages(visibleTo(caller, conversationId));
    }

    public List<Conversation> inbox(Caller seller) {
        seller.requireRole(Caller.Role.SELLER);
        return conversations.inbox(seller.userId());
    }

    public java.util.Optional<String> summary(Conversation conversation) {
        return conversations.summary(conversation);
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

    private void queueForAssistant(Conversation conversation, Message message) {
        inbound.send(new InboundMessage(conversation.sellerId(), conversation.conversationId(), message.messageId()),
                conversation.conversationId(), message.messageId());
    }
}
