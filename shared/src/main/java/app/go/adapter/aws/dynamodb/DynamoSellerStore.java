package app.go.adapter.aws.dynamodb;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.Availability;
import app.go.domain.seller.HandoffSettings;
import app.go.domain.seller.Presence;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.Notification;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.port.SellerStore;
import app.go.support.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import app.go.domain.knowledge.ToneProfile;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static app.go.adapter.aws.dynamodb.Items.item;
import static app.go.adapter.aws.dynamodb.Items.sellerKey;
import static app.go.adapter.aws.dynamodb.Items.key;
import static app.go.adapter.aws.dynamodb.Items.n;
import static app.go.adapter.aws.dynamodb.Items.s;

/**
 * The sellers table: one partition per seller ({@code SELLER#<id>}), items by kind in the sort key
 * (ACCOUNT, PROFILE, SERVICE#id, ASSISTANT, CLIENT#id, NOTIFICATION#time#id, NOTIFICATION_ID#id,
 * QUOTA#PA#date, PRESENCE, TRIES#PA).
 */
public final class DynamoSellerStore implements SellerStore {
    private static final Duration NOTIFICATION_RETENTION = Duration.ofDays(90);
    private static final Duration QUOTA_RETENTION = Duration.ofDays(3);

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoTable items;

    public DynamoSellerStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = new DynamoTable(dynamo, table);
    }


    @Override
    public void saveAccount(SellerAccount account) {
        items.put(item(sellerKey(account.sellerId()), "ACCOUNT").with("level", account.level()).with("pro", account.pro())
                .with("timezone", account.timezone()).with("sellerPlusPremium", account.sellerPlusPremium()).build());
    }

    @Override
    public Optional<SellerAccount> account(String sellerId) {
        return get(sellerId, "ACCOUNT").map(i -> account(sellerId, i));
    }

    private static SellerAccount account(String sellerId, Map<String, AttributeValue> i) {
        return new SellerAccount(sellerId, (int) Items.num(i, "level", 0),
                Items.bool(i, "pro", false), Items.str(i, "timezone"), Items.bool(i, "sellerPlusPremium", false));
    }

    @Override
    public void saveProfile(String sellerId, SellerProfile profile) {
        items.put(item(sellerKey(sellerId), "PROFILE").with("data", Json.write(profile)).build());
    }

    @Override
    public Optional<SellerProfile> profile(String sellerId) {
        return get(sellerId, "PROFILE").map(DynamoSellerStore::profile);
    }

    private static SellerProfile profile(Map<String, AttributeValue> i) {
        return Json.read(Items.str(i, "data"), SellerProfile.class);
    }

    @Override
    public void saveService(String sellerId, SellerService service) {
        items.put(item(sellerKey(sellerId), "SERVICE#" + service.serviceId()).with("data", Json.write(service)).build());
    }

    @Override
    public List<SellerService> services(String sellerId) {
        return items.queryPrefix(sellerKey(sellerId), "SERVICE#").map(i -> Json.read(Items.str(i, "data"), SellerService.class)).toList();
    }

    @Override
    public void saveClient(String sellerId, ClientRecord client) {
        // keeps firstConversationId, which registerFirstContact owns
        dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(sellerId), "CLIENT#" + client.clientId()))
                .updateExpression("SET clientType = :t, hasOrdered = :o")
                .expressionAttributeValues(Map.of(":t", s(client.clientType().name()), ":o", Items.bool(client.hasOrdered()))));
    }

    @Override
    public Optional<ClientRecord> client(String sellerId, String clientId) {
        return get(sellerId, "CLIENT#" + clientId).map(i -> client(clientId, i));
    }

    private static ClientRecord client(String clientId, Map<String, AttributeValue> i) {
        return new ClientRecord(clientId, ClientRecord.ClientType.valueOf(Items.optStr(i, "clientType").orElse("STANDARD")),
                Items.bool(i, "hasOrdered", false));
    }

    @Override
    public boolean registerFirstContact(String sellerId, String clientId, String conversationId, java.time.Instant at,
                                        java.time.Duration retryWindow) {
        // epoch millis, so the window compares as numbers; items from before it have none and stay returning clients
        return DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(sellerId), "CLIENT#" + clientId))
                .updateExpression("SET firstConversationId = if_not_exists(firstConversationId, :c), "
                        + "firstContactAtMillis = if_not_exists(firstContactAtMillis, :at)")
                .conditionExpression("attribute_not_exists(firstConversationId) OR firstConversationId = :c "
                        + "OR firstContactAtMillis > :cutoff")
                .expressionAttributeValues(Map.of(":c", s(conversationId),
                        ":at", AttributeValue.fromN(Long.toString(at.toEpochMilli())),
                        ":cutoff", AttributeValue.fromN(Long.toString(at.minus(retryWindow).toEpochMilli()))))));
    }

    @Override
    public AssistantSettings assistant(String sellerId) {
        return get(sellerId, "ASSISTANT").map(DynamoSellerStore::assistantSettings).orElse(AssistantSettings.initial());
    }

    /** Items written before the availability and handoff attributes existed read as the defaults. */
    private static AssistantSettings assistantSettings(Map<String, AttributeValue> i) {
        Availability availability = Items.optStr(i, "availabilityMode").map(mode -> new Availability(
                Availability.Mode.valueOf(mode), schedule(Items.strings(i, "schedule")))).orElse(Availability.ALWAYS);
        Set<ClientRecord.ClientType> excluded = Items.strings(i, "excludedClientTypes").stream()
                .map(ClientRecord.ClientType::valueOf).collect(Collectors.toSet());
        HandoffSettings handoff = i.containsKey("followUpAfterMinutes")
                ? new HandoffSettings(Items.bool(i, "handoffOnCustomOffer", true), Items.bool(i, "handoffOnComplexRequest", true),
                        (int) Items.num(i, "followUpAfterMinutes", HandoffSettings.DEFAULT.followUpAfterMinutes()),
                        (int) Items.num(i, "unansweredFollowUpMinutes", HandoffSettings.DEFAULT_UNANSWERED_MINUTES),
                        (int) Items.num(i, "notForwardedFollowUpMinutes", HandoffSettings.DEFAULT_NOT_FORWARDED_MINUTES))
                : HandoffSettings.DEFAULT;
        return new AssistantSettings(Items.str(i, "name"), AssistantState.valueOf(Items.str(i, "state")),
                Items.instant(i, "updatedAt"), Items.str(i, "updatedFrom"), availability, excluded, handoff);
    }

    @Override
    public void saveAssistant(String sellerId, AssistantSettings settings) {
        items.put(item(sellerKey(sellerId), "ASSISTANT").with("name", settings.name()).with("state", settings.state().name())
                .with("updatedAt", settings.updatedAt()).with("updatedFrom", settings.updatedFrom())
                .with("availabilityMode", settings.availability().mode().name())
                .with("schedule", settings.availability().schedule().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().from() + "-" + e.getValue().to()).toList())
                .with("excludedClientTypes", settings.excludedClientTypes().stream().map(Enum::name).sorted().toList())
                .with("handoffOnCustomOffer", settings.handoff().onCustomOffer())
                .with("handoffOnComplexRequest", settings.handoff().onComplexRequest())
                .with("followUpAfterMinutes", settings.handoff().followUpAfterMinutes())
                .with("unansweredFollowUpMinutes", settings.handoff().unansweredFollowUpMinutes())
                .with("notForwardedFollowUpMinutes", settings.handoff().notForwardedFollowUpMinutes()).build());
    }

    /** Schedule entries are stored as {@code "MONDAY 09:00-17:00"}. */
    private static Map<DayOfWeek, Availability.TimeWindow> schedule(List<String> entries) {
        Map<DayOfWeek, Availability.TimeWindow> days = new EnumMap<>(DayOfWeek.class);
        for (String entry : entries) {
            String[] dayAndWindow = entry.split(" ", 2);
            String[] fromTo = dayAndWindow[1].split("-", 2);
            days.put(DayOfWeek.valueOf(dayAndWindow[0]),
                    new Availability.TimeWindow(LocalTime.parse(fromTo[0]), LocalTime.parse(fromTo[1])));
        }
        return days;
    }

    @Override
    public Presence presence(String sellerId) {
        return get(sellerId, "PRESENCE").map(DynamoSellerStore::presence).orElse(Presence.UNKNOWN);
    }

    private static Presence presence(Map<String, AttributeValue> i) {
        return new Presence(Items.bool(i, "online", false), Items.bool(i, "outOfOffice", false), Items.instant(i, "updatedAt"));
    }

    @Override
    public void savePresence(String sellerId, Presence presence) {
        items.put(item(sellerKey(sellerId), "PRESENCE").with("online", presence.online()).with("outOfOffice", presence.outOfOffice())
                .with("updatedAt", presence.updatedAt()).build());
    }

    @Override
    public boolean tryCountAssistantTry(String sellerId, int limit) {
        return DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(sellerId), "TRIES#PA"))
                .updateExpression("ADD #c :one")
                .conditionExpression("attribute_not_exists(#c) OR #c < :limit")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit)))));
    }

    @Override
    public void returnAssistantTry(String sellerId) {
        DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(sellerId), "TRIES#PA"))
                .updateExpression("ADD #c :minusOne")
                .conditionExpression("#c > :zero")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":minusOne", n(-1), ":zero", n(0))))); // false: no counted try: nothing to return
    }

    @Override
    public int assistantTries(String sellerId) {
        return get(sellerId, "TRIES#PA").map(i -> (int) Items.num(i, "count", 0)).orElse(0);
    }

    @Override
    public void addNotification(String sellerId, Notification notification) {
        items.put(item(sellerKey(sellerId), "NOTIFICATION#" + notification.createdAt() + "#" + notification.id())
                .with("id", notification.id()).with("type", notification.type())
                .with("conversationId", notification.conversationId()).with("createdAt", notification.createdAt())
                .with("expiresAt", notification.createdAt().plus(NOTIFICATION_RETENTION).getEpochSecond()).build());
    }

    /** A marker item {@code NOTIFICATION_ID#id} guards the notification in one transaction. */
    @Override
    public boolean addNotificationIfAbsent(String sellerId, Notification notification) {
        long expiresAt = notification.createdAt().plus(NOTIFICATION_RETENTION).getEpochSecond();
        Map<String, AttributeValue> marker = item(sellerKey(sellerId), "NOTIFICATION_ID#" + notification.id())
                .with("expiresAt", expiresAt).build();
        Map<String, AttributeValue> entry = item(sellerKey(sellerId), "NOTIFICATION#" + notification.createdAt() + "#" + notification.id())
                .with("id", notification.id()).with("type", notification.type())
                .with("conversationId", notification.conversationId()).with("createdAt", notification.createdAt())
                .with("summary", notification.summary()).with("expiresAt", expiresAt).build();
        return items.transactIf(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(entry).build()).build());
    }

    @Override
    public List<Notification> notifications(String sellerId) {
        return items.queryPrefix(sellerKey(sellerId), "NOTIFICATION#").map(i -> new Notification(Items.str(i, "id"),
                Items.str(i, "type"), Items.str(i, "conversationId"), Items.instant(i, "createdAt"),
                Items.optStr(i, "summary").orElse(null))).toList();
    }

    @Override
    public boolean tryCountAssistantMessage(String sellerId, LocalDate day, int limit) {
        long expiresAt = day.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plus(QUOTA_RETENTION).getEpochSecond();
        return DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(sellerId), quotaKey(day)))
                .updateExpression("ADD #c :one SET expiresAt = :exp")
                .conditionExpression("attribute_not_exists(#c) OR #c < :limit")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit), ":exp", n(expiresAt)))));
    }

    /**
     * The count of one reply as a transaction item: the reply ids counted that day live on the counter
     * item (at most {@code limit} of them), so count and mark are one write and a second count of the
     * same reply is refused by the condition.
     */
    static Update countOnce(String table, String sellerId, LocalDate day, int limit, String replyId) {
        long expiresAt = day.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plus(QUOTA_RETENTION).getEpochSecond();
        return Update.builder().tableName(table).key(key(sellerKey(sellerId), quotaKey(day)))
                .updateExpression("ADD #c :one, counted :ids SET expiresAt = :exp")
                .conditionExpression("(attribute_not_exists(#c) OR #c < :limit) AND NOT contains(counted, :id)")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit), ":exp", n(expiresAt),
                        ":ids", AttributeValue.fromSs(List.of(replyId)), ":id", s(replyId))).build();
    }

    @Override
    public boolean tryCountAssistantMessage(String sellerId, LocalDate day, int limit, String replyId) {
        Update count = countOnce(table, sellerId, day, limit, replyId);
        boolean counted = DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table).key(count.key())
                .updateExpression(count.updateExpression()).conditionExpression(count.conditionExpression())
                .expressionAttributeNames(count.expressionAttributeNames())
                .expressionAttributeValues(count.expressionAttributeValues())));
        return counted || items.get(sellerKey(sellerId), quotaKey(day), true)
                .map(i -> i.containsKey("counted") && i.get("counted").ss().contains(replyId)).orElse(false);
    }

    @Override
    public int assistantMessagesOn(String sellerId, LocalDate day) {
        return get(sellerId, quotaKey(day)).map(i -> (int) Items.num(i, "count", 0)).orElse(0);
    }

    private static String quotaKey(LocalDate day) {
        return Items.ASSISTANT_QUOTA_PREFIX + day;
    }

    /**
     * One BatchGetItem: account, assistant settings, presence, profile, the client, the tone (KB#TONE,
     * precomputed when the seller writes) and the reply counters of three UTC days; keys DynamoDB
     * left unprocessed are asked again.
     */
    @Override
    public ReplyView replyView(String sellerId, String clientId, LocalDate utcDay) {
        String pk = sellerKey(sellerId);
        List<String> sortKeys = new java.util.ArrayList<>(List.of("ACCOUNT", "ASSISTANT", "PRESENCE", "PROFILE", "CLIENT#" + clientId,
                DynamoKnowledgeStore.TONE_KEY));
        for (int d = -1; d <= 1; d++) {
            sortKeys.add(quotaKey(utcDay.plusDays(d)));
        }
        Map<String, Map<String, AttributeValue>> found = new java.util.HashMap<>();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                .keys(sortKeys.stream().map(sk -> key(pk, sk)).toList()).build());
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 5) {
                throw new IllegalStateException("seller items left unprocessed by DynamoDB; retry");
            }
            Map<String, KeysAndAttributes> request = pending;
            var response = dynamo.batchGetItem(b -> b.requestItems(request));
            response.responses().getOrDefault(table, List.of()).forEach(i -> found.put(Items.str(i, "sk"), i));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        Map<LocalDate, Integer> counts = new java.util.HashMap<>();
        for (int d = -1; d <= 1; d++) {
            Map<String, AttributeValue> quota = found.get(quotaKey(utcDay.plusDays(d)));
            counts.put(utcDay.plusDays(d), quota == null ? 0 : (int) Items.num(quota, "count", 0));
        }
        return new ReplyView(Optional.ofNullable(found.get("ACCOUNT")).map(i -> account(sellerId, i)),
                Optional.ofNullable(found.get("ASSISTANT")).map(DynamoSellerStore::assistantSettings).orElse(AssistantSettings.initial()),
                Optional.ofNullable(found.get("PRESENCE")).map(DynamoSellerStore::presence).orElse(Presence.UNKNOWN),
                Optional.ofNullable(found.get("PROFILE")).map(DynamoSellerStore::profile),
                Optional.ofNullable(found.get("CLIENT#" + clientId)).map(i -> client(clientId, i)),
                counts, Optional.ofNullable(found.get(DynamoKnowledgeStore.TONE_KEY)).map(DynamoKnowledgeStore::tone));
    }

    /** Eventually consistent, as these reads have always been. */
    private Optional<Map<String, AttributeValue>> get(String sellerId, String sk) {
        return items.get(sellerKey(sellerId), sk, false);
    }
}
