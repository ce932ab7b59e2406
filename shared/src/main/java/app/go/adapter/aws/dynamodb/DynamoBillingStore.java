package app.go.adapter.aws.dynamodb;

import app.go.domain.port.BillingStore;
import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.go.adapter.aws.dynamodb.Items.item;
import static app.go.adapter.aws.dynamodb.Items.sellerKey;
import static app.go.adapter.aws.dynamodb.Items.key;
import static app.go.adapter.aws.dynamodb.Items.n;
import static app.go.adapter.aws.dynamodb.Items.s;

/**
 * The billing table: one partition per seller ({@code SELLER#<id>}) with SUBSCRIPTION#&lt;plan&gt;,
 * BALANCE and LEDGER#&lt;entry id&gt; items. Subscriptions still waiting for their period end carry
 * {@code renewalBucket = DUE} and {@code currentPeriodEnd} (ISO-8601, whole seconds, so strings sort
 * as times) for the sparse GSI {@code byRenewalDue}; ended and past-due ones drop the bucket.
 * Balance moves and their ledger entries are written in one transaction, conditional on the entry id
 * being new, so a retried movement is a no-op and the balance never goes below zero.
 */
public final class DynamoBillingStore implements BillingStore {
    public static final String RENEWAL_INDEX = "byRenewalDue";
    public static final String RENEWAL_BUCKET = "DUE";
    private static final String SUBSCRIPTION = "SUBSCRIPTION#";
    private static final String LEDGER = "LEDGER#";
    private static final String BALANCE = "BALANCE";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoTable items;

    public DynamoBillingStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = new DynamoTable(dynamo, table);
    }


    @Override
    public Optional<Subscription> subscription(String sellerId, Plan plan) {
        return get(sellerId, SUBSCRIPTION + plan.name()).map(DynamoBillingStore::toSubscription);
    }

    @Override
    public List<Subscription> subscriptions(String sellerId) {
        return items.queryPrefix(sellerKey(sellerId), SUBSCRIPTION).map(DynamoBillingStore::toSubscription).toList();
    }

    @Override
    public boolean create(Subscription subscription) {
        return items.putIf(toItem(subscription), b -> b.conditionExpression("attribute_not_exists(pk) OR #st = :ended")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":ended", s(SubscriptionStatus.ENDED.name()))));
    }

    @Override
    public boolean replace(Subscription next, Instant expectedPeriodEnd, SubscriptionStatus expectedStatus) {
        return items.putIf(toItem(next), b -> b.conditionExpression("currentPeriodEnd = :expected AND #st = :status")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":expected", s(expectedPeriodEnd.toString()),
                        ":status", s(expectedStatus.name()))));
    }

    @Override
    public boolean delete(String sellerId, Plan plan, Instant expectedPeriodEnd, SubscriptionStatus expectedStatus) {
        return DynamoTable.conditionally(() -> dynamo.deleteItem(b -> b.tableName(table).key(key(sellerKey(sellerId), SUBSCRIPTION + plan.name()))
                .conditionExpression("currentPeriodEnd = :expected AND #st = :status")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":expected", s(expectedPeriodEnd.toString()),
                        ":status", s(expectedStatus.name())))));
    }

    @Override
    public List<Subscription> dueForRenewal(Instant at) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(RENEWAL_INDEX)
                        .keyConditionExpression("renewalBucket = :b AND currentPeriodEnd <= :at")
                        .expressionAttributeValues(Map.of(":b", s(RENEWAL_BUCKET), ":at", s(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))))
                .items().stream().map(DynamoBillingStore::toSubscription)
                .filter(sub -> sub.status().awaitsPeriodEnd()).toList();
    }

    @Override
    public long balance(String sellerId) {
        return get(sellerId, BALANCE).map(i -> Items.num(i, "amountCents", 0)).orElse(0L);
    }

    @Override
    public boolean credit(LedgerEntry entry) {
        TransactWriteItem add = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(sellerKey(entry.sellerId()), BALANCE))
                .updateExpression("ADD amountCents :a")
                .expressionAttributeValues(Map.of(":a", n(entry.amountCents())))).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(newEntry(entry), add));
            return true;
        } catch (TransactionCanceledException e) {
            if (DynamoTable.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Debit debit(LedgerEntry entry) {
        TransactWriteItem take = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(sellerKey(entry.sellerId()), BALANCE))
                .updateExpression("SET amountCents = amountCents - :a")
                .conditionExpression("amountCents >= :a")
                .expressionAttributeValues(Map.of(":a", n(entry.amountCents())))).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(newEntry(entry), take));
            return Debit.DEBITED;
        } catch (TransactionCanceledException e) {
            if (DynamoTable.conditionFailed(e, 0)) {
                return Debit.ALREADY_DONE;
            }
            if (DynamoTable.conditionFailed(e, 1)) {
                return Debit.INSUFFICIENT;
            }
            throw e;
        }
    }

    @Override
    public boolean record(LedgerEntry entry) {
        return items.putNew(ledgerItem(entry));
    }

    @Override
    public Optional<LedgerEntry> ledgerEntry(String sellerId, String entryId) {
        return get(sellerId, LEDGER + entryId).map(DynamoBillingStore::toEntry);
    }

    @Override
    public List<LedgerEntry> ledger(String sellerId) {
        return items.queryPrefix(sellerKey(sellerId), LEDGER).map(DynamoBillingStore::toEntry)
                .sorted(Comparator.comparing(LedgerEntry::createdAt).thenComparing(LedgerEntry::id)).toList();
    }

    private TransactWriteItem newEntry(LedgerEntry entry) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(ledgerItem(entry))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static Map<String, AttributeValue> ledgerItem(LedgerEntry entry) {
        return item(sellerKey(entry.sellerId()), LEDGER + entry.id()).with("id", entry.id()).with("sellerId", entry.sellerId())
                .with("type", entry.type().name()).with("amountCents", entry.amountCents()).with("source", entry.source().name())
                .with("plan", entry.plan() == null ? null : entry.plan().name()).with("reference", entry.reference())
                .with("createdAt", entry.createdAt()).build();
    }

    private static LedgerEntry toEntry(Map<String, AttributeValue> i) {
        return new LedgerEntry(Items.str(i, "id"), Items.str(i, "sellerId"), LedgerEntry.Type.valueOf(Items.str(i, "type")),
                Items.num(i, "amountCents", 0), LedgerEntry.Source.valueOf(Items.str(i, "source")),
                Items.optStr(i, "plan").map(Plan::valueOf).orElse(null), Items.str(i, "reference"), Items.instant(i, "createdAt"));
    }

    private static Map<String, AttributeValue> toItem(Subscription sub) {
        Items.Builder b = item(sellerKey(sub.sellerId()), SUBSCRIPTION + sub.plan().name()).with("sellerId", sub.sellerId())
                .with("plan", sub.plan().name()).with("status", sub.status().name())
                .with("currentPeriodStart", sub.currentPeriodStart()).with("currentPeriodEnd", sub.currentPeriodEnd())
                .with("anniversaryDay", sub.anniversaryDay()).with("paymentType", sub.paymentMethod().type().name())
                .with("paymentToken", sub.paymentMethod().token()).with("autoRenewConsent", sub.autoRenewConsent());
        if (sub.status().awaitsPeriodEnd()) {
            b.with("renewalBucket", RENEWAL_BUCKET);
        }
        return b.build();
    }

    private static Subscription toSubscription(Map<String, AttributeValue> i) {
        return new Subscription(Items.str(i, "sellerId"), Plan.valueOf(Items.str(i, "plan")),
                SubscriptionStatus.valueOf(Items.str(i, "status")), Items.instant(i, "currentPeriodStart"),
                Items.instant(i, "currentPeriodEnd"), (int) Items.num(i, "anniversaryDay", 1),
                new PaymentMethod(PaymentMethod.Type.valueOf(Items.str(i, "paymentType")), Items.str(i, "paymentToken")),
                Items.bool(i, "autoRenewConsent", false));
    }

    private Optional<Map<String, AttributeValue>> get(String sellerId, String sk) {
        return items.get(sellerKey(sellerId), sk);
    }
}
