package app.go.adapter.aws.dynamodb;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.port.ConversationStore;
import app.go.domain.conversation.HandledBy;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.conversation.Message;
import app.go.domain.conversation.MessageFeedback;
import app.go.domain.conversation.ResponseStats;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.go.adapter.aws.dynamodb.Items.item;
import static app.go.adapter.aws.dynamodb.Items.key;
import static app.go.adapter.aws.dynamodb.Items.s;

/**
 * The conversations table: one partition per conversation, keyed {@code SELLER#<seller>#CONV#<id>}
 * so the tenant leads; a META item and one item per message ({@code MSG#<epoch millis>#<id>}).
 * The META item carries {@code conversationId} (index byConversationId, lookup by id) and
 * {@code inboxSellerId}/{@code lastActivityAt} (index bySellerActivity, the inbox).
 */
public final class DynamoConversationStore implements ConversationStore {
    private static final String META = "META";
    private static final String OUTBOX_PREFIX = "OUTBOX#";
    private static final String TURN_PREFIX = "TURN#";
    private static final String OUTBOX_INDEX = "byOutbox";
    /** One partition of the sparse outbox index: it holds only messages not yet handled, normally few. */
    private static final String OUTBOX_BUCKET = "UNHANDLED";

    private final DynamoDbClient dynamo;
    private final String table;
    /** The sellers table, where the daily reply counters live; null: replies are counted by the caller's store. */
    private final String sellersTable;

    public DynamoConversationStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null);
    }

    public DynamoConversationStore(DynamoDbClient dynamo, String table, String sellersTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.sellersTable = sellersTable;
    }

    /** One consistent query over the conversation's partition, from META to the last message (outbox and feedback sort outside). */
    @Override
    public Optional<Snapshot> snapshot(String sellerId, String conversationId) {
        List<Map<String, AttributeValue>> found = dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :meta AND :end")
                        .expressionAttributeValues(Map.of(":pk", s(pk(sellerId, conversationId)), ":meta", s(META),
                                ":end", s(Items.MESSAGE_PREFIX.replace('#', '$')))))
                .items().stream().toList();
        if (found.isEmpty() || !META.equals(Items.str(found.get(0), "sk"))) {
            return Optional.empty();
        }
        Conversation c = conversation(found.get(0));
        return Optional.of(new Snapshot(c, found.subList(1, found.size()).stream().map(i -> message(c, i)).toList()));
    }

    /**
     * One transaction: the reply under a key only its message can produce, the conversation touched
     * unless the seller handles it (PA-ACT-8), and the seller's daily counter (PA-LIM-2), so the reply
     * and its count are stored together or not at all, once per message.
     */
    @Override
    public ReplyWrite appendCountedReply(Conversation c, Message inbound, Message reply,
                                         app.go.domain.port.SellerStore sellers, java.time.LocalDate day, int limit) {
        return appendCountedReply(c, inbound, reply, null, sellers, day, limit);
    }

    /** As above, with the turn record (PA-BEH-5) as a fourth item of the same transaction when given. */
    @Override
    public ReplyWrite appendCountedReply(Conversation c, Message inbound, Message reply, app.go.domain.assistant.TurnRecord turn,
                                         app.go.domain.port.SellerStore sellers, java.time.LocalDate day, int limit) {
        if (sellersTable == null) {
            return turn == null ? ConversationStore.super.appendCountedReply(c, inbound, reply, sellers, day, limit)
                    : ConversationStore.super.appendCountedReply(c, inbound, reply, turn, sellers, day, limit);
        }
        Map<String, AttributeValue> replyItem = messageItem(c, reply);
        replyItem.put("sk", s(messageKey(inbound) + "#REPLY"));
        List<TransactWriteItem> items = new java.util.ArrayList<>(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(replyItem)
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                touchUnlessSellerHandles(c, reply),
                TransactWriteItem.builder().update(DynamoSellerStore.countOnce(sellersTable, c.sellerId(), day, limit,
                        reply.messageId())).build()));
        if (turn != null) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(turnItem(c, turn)).build()).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
            return ReplyWrite.STORED;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            if (DynamoTable.conditionFailed(e, 0)) {
                return ReplyWrite.DUPLICATE;
            }
            if (DynamoTable.conditionFailed(e, 1)) {
                return ReplyWrite.SELLER_HANDLES;
            }
            if (DynamoTable.conditionFailed(e, 2)) {
                return ReplyWrite.DAILY_LIMIT_REACHED;
            }
            throw e;
        }
    }

    static String pk(String sellerId, String conversationId) {
        return Items.conversationKey(sellerId, conversationId);
    }

    private static String messageKey(Message message) {
        return String.format(Items.MESSAGE_PREFIX + "%013d#%s", message.createdAt().toEpochMilli(), message.messageId());
    }

    @Override
    public boolean create(Conversation c, Message first) {
        Map<String, AttributeValue> meta = item(pk(c.sellerId(), c.conversationId()), META)
                .with("conversationId", c.conversationId()).with("sellerId", c.sellerId())
                .with("inboxSellerId", c.sellerId()).with("clientId", c.clientId()).with("serviceId", c.serviceId())
                .with("createdAt", c.createdAt()).with("lastActivityAt", c.lastActivityAt())
                .with("newClient", c.newClient()).with("handledBy", c.handledBy().name())
                .with("generationId", c.generationId()).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(meta)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(messageItem(c, first)).build()).build(),
                    outboxPut(c, first)));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            if (DynamoTable.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        List<Map<String, AttributeValue>> found = dynamo.query(b -> b.tableName(table).indexName("byConversationId")
                .keyConditionExpression("conversationId = :c AND sk = :meta")
                .expressionAttributeValues(Map.of(":c", s(conversationId), ":meta", s(META)))).items();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // the index is eventually consistent; read the item itself for the current state
        Map<String, AttributeValue> indexed = found.get(0);
        Map<String, AttributeValue> current = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(Items.str(indexed, "pk"), META))).item();
        return Optional.of(conversation(current == null || current.isEmpty() ? indexed : current));
    }

    @Override
    public void append(Conversation c, Message message) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(messageItem(c, message)).build()).build();
        dynamo.transactWriteItems(b -> b.transactItems(message.author() == Author.CLIENT
                ? List.of(put, touch(c, message), outboxPut(c, message)) : List.of(put, touch(c, message))));
    }

    @Override
    public List<InboundMessage> unhandled(Instant before, int limit) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(OUTBOX_INDEX)
                        .keyConditionExpression("outboxBucket = :b AND outboxAt < :before")
                        .expressionAttributeValues(Map.of(":b", s(OUTBOX_BUCKET), ":before", s(before.toString()))))
                .items().stream().limit(limit)
                .map(i -> new InboundMessage(Items.str(i, "outboxSellerId"), Items.str(i, "outboxConversationId"),
                        Items.str(i, "outboxMessageId")))
                .toList();
    }

    @Override
    public void resent(InboundMessage m, Instant at) {
        DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table)
                .key(key(pk(m.sellerId(), m.conversationId()), OUTBOX_PREFIX + m.messageId()))
                .updateExpression("SET outboxAt = :at").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":at", s(at.toString())))));
    }

    @Override
    public void markHandled(InboundMessage m) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(pk(m.sellerId(), m.conversationId()), OUTBOX_PREFIX + m.messageId())));
    }

    /**
     * The outbox record of a client message: in the conversation's partition, found across sellers by
     * the sparse {@code byOutbox} index; its attributes are named apart so the conversation indexes
     * never see it.
     */
    private TransactWriteItem outboxPut(Conversation c, Message m) {
        Map<String, AttributeValue> outbox = item(pk(c.sellerId(), c.conversationId()), OUTBOX_PREFIX + m.messageId())
                .with("outboxBucket", OUTBOX_BUCKET).with("outboxAt", m.createdAt())
                .with("outboxSellerId", c.sellerId()).with("outboxConversationId", c.conversationId())
                .with("outboxMessageId", m.messageId()).build();
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(outbox).build()).build();
    }

    @Override
    public boolean appendReply(Conversation c, Message inbound, Message reply) {
        // the reply sorts right after the message it answers, under a key only that message can produce
        Map<String, AttributeValue> replyItem = messageItem(c, reply);
        replyItem.put("sk", s(messageKey(inbound) + "#REPLY"));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(replyItem)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    touchUnlessSellerHandles(c, reply)));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            if (DynamoTable.conditionFailed(e)) {
                return false;
            }
            throw e;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Message> findInHistory(Conversation c, String messageId) {
        return messages(c).stream().filter(m -> m.messageId().equals(messageId)).findFirst();
    }

    @Override
    public List<Message> messages(Conversation c) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :msg)")
                        .expressionAttributeValues(Map.of(":pk", s(pk(c.sellerId(), c.conversationId())), ":msg", s(Items.MESSAGE_PREFIX))))
                .items().stream().map(i -> message(c, i)).toList();
    }

    private static Message message(Conversation c, Map<String, AttributeValue> i) {
        return new Message(Items.str(i, "messageId"), c.conversationId(), Author.valueOf(Items.str(i, "author")),
                Items.str(i, "text"), Items.str(i, "language"), Items.instant(i, "createdAt"));
    }

    @Override
    public void handOverToSeller(Conversation c, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(key(pk(c.sellerId(), c.conversationId()), META))
                .updateExpression("SET handledBy = :seller, lastActivityAt = :at")
                .expressionAttributeValues(Map.of(":seller", s(HandledBy.SELLER.name()), ":at", s(at.toString()))));
    }

    @Override
    public void saveSummary(Conversation c, String summary, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(key(pk(c.sellerId(), c.conversationId()), META))
                .updateExpression("SET summary = :s, summarizedAt = :at")
                .expressionAttributeValues(Map.of(":s", s(summary), ":at", s(at.toString()))));
    }

    @Override
    public Optional<String> summary(Conversation c) {
        Map<String, AttributeValue> meta = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(pk(c.sellerId(), c.conversationId()), META))).item();
        return meta == null ? Optional.empty() : Items.optStr(meta, "summary");
    }

    /** One item per client message, {@code TURN#<messageId>}, the turn as JSON: a retry overwrites it. */
    @Override
    public void saveTurn(Conversation c, app.go.domain.assistant.TurnRecord turn) {
        dynamo.putItem(b -> b.tableName(table).item(turnItem(c, turn)));
    }

    private static Map<String, AttributeValue> turnItem(Conversation c, app.go.domain.assistant.TurnRecord turn) {
        return item(pk(c.sellerId(), c.conversationId()), TURN_PREFIX + turn.messageId())
                .with("at", turn.at()).with("turn", app.go.support.json.Json.write(turn)).build();
    }

    @Override
    public List<app.go.domain.assistant.TurnRecord> turns(Conversation c) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :t)")
                        .expressionAttributeValues(Map.of(":pk", s(pk(c.sellerId(), c.conversationId())), ":t", s(TURN_PREFIX))))
                .items().stream().map(i -> read(Items.str(i, "turn"), app.go.domain.assistant.TurnRecord.class))
                .sorted(java.util.Comparator.comparing(app.go.domain.assistant.TurnRecord::at)).toList();
    }

    @Override
    public void saveBrief(Conversation c, app.go.domain.assistant.HandoffBrief brief, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(key(pk(c.sellerId(), c.conversationId()), META))
                .updateExpression("SET summary = :s, brief = :b, summarizedAt = :at")
                .expressionAttributeValues(Map.of(":s", s(brief.text()), ":b", s(app.go.support.json.Json.write(brief)),
                        ":at", s(at.toString()))));
    }

    @Override
    public Optional<app.go.domain.assistant.HandoffBrief> brief(Conversation c) {
        Map<String, AttributeValue> meta = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(pk(c.sellerId(), c.conversationId()), META))).item();
        return meta == null ? Optional.empty()
                : Items.optStr(meta, "brief").map(json -> read(json, app.go.domain.assistant.HandoffBrief.class));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return app.go.support.json.Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public List<Conversation> inbox(String sellerId) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName("bySellerActivity").scanIndexForward(false)
                        .keyConditionExpression("inboxSellerId = :s")
                        .expressionAttributeValues(Map.of(":s", s(sellerId))))
                .items().stream().map(DynamoConversationStore::conversation).toList();
    }

    /** Moves the conversation's activity time; the first assistant or seller message also sets firstResponseAt (PA-BEH-8). */
    /** PA-ACT-8 in the write itself: once the seller has taken over, no assistant reply lands, however late. */
    private TransactWriteItem touchUnlessSellerHandles(Conversation c, Message reply) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(pk(c.sellerId(), c.conversationId()), META))
                .updateExpression("SET lastActivityAt = :at, firstResponseAt = if_not_exists(firstResponseAt, :at)")
                .conditionExpression("attribute_exists(pk) AND handledBy <> :seller")
                .expressionAttributeValues(Map.of(":at", s(reply.createdAt().toString()), ":seller", s(HandledBy.SELLER.name())))
                .build()).build();
    }

    private TransactWriteItem touch(Conversation c, Message message) {
        String update = message.author() == Author.CLIENT ? "SET lastActivityAt = :at"
                : "SET lastActivityAt = :at, firstResponseAt = if_not_exists(firstResponseAt, :at)";
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(pk(c.sellerId(), c.conversationId()), META))
                .updateExpression(update)
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":at", s(message.createdAt().toString()))).build()).build();
    }

    /** One item per user and message, {@code FEEDBACK#<messageId>#<userId>}: a repeat overwrites it. */
    @Override
    public void saveFeedback(Conversation c, MessageFeedback f) {
        dynamo.putItem(b -> b.tableName(table).item(item(pk(c.sellerId(), c.conversationId()),
                "FEEDBACK#" + f.messageId() + "#" + f.userId())
                .with("messageId", f.messageId()).with("userId", f.userId()).with("role", f.role())
                .with("rating", f.rating().name()).with("comment", f.comment()).with("at", f.at()).build()));
    }

    @Override
    public List<MessageFeedback> feedback(Conversation c) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :f)")
                        .expressionAttributeValues(Map.of(":pk", s(pk(c.sellerId(), c.conversationId())), ":f", s("FEEDBACK#"))))
                .items().stream().map(i -> new MessageFeedback(Items.str(i, "messageId"), Items.str(i, "userId"),
                        Items.str(i, "role"), MessageFeedback.Rating.valueOf(Items.str(i, "rating")), Items.str(i, "comment"),
                        Items.instant(i, "at"))).toList();
    }

    /** Reads the META items of the inbox index only: firstResponseAt tells a responded conversation. */
    @Override
    public ResponseStats responseStats(String sellerId) {
        int[] counts = new int[2];
        dynamo.queryPaginator(b -> b.tableName(table).indexName("bySellerActivity")
                        .keyConditionExpression("inboxSellerId = :s")
                        .projectionExpression("firstResponseAt")
                        .expressionAttributeValues(Map.of(":s", s(sellerId))))
                .items().forEach(i -> {
                    counts[0]++;
                    if (i.containsKey("firstResponseAt")) {
                        counts[1]++;
                    }
                });
        return new ResponseStats(counts[0], counts[1]);
    }

    private static Map<String, AttributeValue> messageItem(Conversation c, Message m) {
        return item(pk(c.sellerId(), c.conversationId()), messageKey(m)).with("messageId", m.messageId())
                .with("author", m.author().name()).with("text", m.text()).with("language", m.language())
                .with("createdAt", m.createdAt()).build();
    }

    private static Conversation conversation(Map<String, AttributeValue> i) {
        return new Conversation(Items.str(i, "conversationId"), Items.str(i, "sellerId"), Items.str(i, "clientId"),
                Items.str(i, "serviceId"), Items.instant(i, "createdAt"), Items.instant(i, "lastActivityAt"),
                Items.bool(i, "newClient", false), HandledBy.valueOf(Items.str(i, "handledBy")), Items.str(i, "generationId"));
    }
}
