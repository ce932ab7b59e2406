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
        return get(sellerId, "ACCOUNT").map(i -> new SellerAccount(sellerId, (int) Items.num(i, "level", 0),
                Items.bool(i, "pro", false), Items.str(i, "timezone"), Items.bool(i, "sellerPlusPremium", false)));
    }

    @Override
    public void saveProfile(String sellerId, SellerProfile profile) {
        items.put(item(sellerKey(sellerId), "PROFILE").with("data", Json.write(profile)).build());
    }

    @Override
    public Optional<SellerProfile> profile(String sellerId) {
        return get(sellerId, "PROFILE").map(i -> Json.read(Items.str(i, "data"), SellerProfile.class));
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
        return get(sellerId, "CLIENT#" + clientId).map(i -> new ClientRecord(clientId,
                ClientRecord.ClientType.valueOf(Items.optStr(i, "clientType").orElse("STANDARD")),
                Items.bool(i, "hasOrdered", false)));
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
        return get(sellerId, "PRESENCE").map(i -> new Presence(Items.bool(i, "online", false),
                Items.bool(i, "outOfOffice", false), Items.instant(i, "updatedAt"))).orElse(Presence.UNKNOWN);
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

    @Override
    public boolean tryCountAssistantMessage(String sellerId, LocalDate day, int limit, String replyId) {
        long expiresAt = day.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plus(QUOTA_RETENTION).getEpochSecond();
        // the reply ids counted that day live on the counter item (at most `limit` of them): count and mark are one write
        boolean counted = DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(sellerId), quotaKey(day)))
                .updateExpression("ADD #c :one, counted :ids SET expiresAt = :exp")
                .conditionExpression("(attribute_not_exists(#c) OR #c < :limit) AND NOT contains(counted, :id)")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit), ":exp", n(expiresAt),
                        ":ids", AttributeValue.fromSs(List.of(replyId)), ":id", s(replyId)))));
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

    /** Eventually consistent, as these reads have always been. */
    private Optional<Map<String, AttributeValue>> get(String sellerId, String sk) {
        return items.get(sellerKey(sellerId), sk, false);
    }
}
