package app.go.adapter.aws.dynamodb;

import app.go.domain.port.BillingStore;
import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.PaymentReservation;
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
 * RESERVATION#&lt;business key&gt; items hold payment reservations (BILL-13) in the paying account's
 * partition; while RESERVED they carry {@code openBucket = OPEN} and {@code reservedAt} for the sparse GSI
 * {@code byOpenReservation} the crash-recovery sweeper reads. A reservation is written in the same
 * transaction as its balance debit, and settled in the same transaction as its ledger entry.
 */
public final class DynamoBillingStore implements BillingStore {
    public static final String RENEWAL_INDEX = "byRenewalDue";
    public static final String RENEWAL_BUCKET = "DUE";
    private static final String SUBSCRIPTION = "SUBSCRIPTION#";
    private static final String LEDGER = "LEDGER#";
    private static final String BALANCE = "BALANCE";
    private static final String RESERVATION = "RESERVATION#";
    public static final String OPEN_RESERVATION_INDEX = "byOpenReservation";
    public static final String OPEN_BUCKET = "OPEN";

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
                        .keyConditionExpression("renewalBucket = :b AND currentPeriodEnd <= :at") // PAST_DUE: due retries filtered below
                        .expressionAttributeValues(Map.of(":b", s(RENEWAL_BUCKET), ":at", s(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))))
                .items().stream().map(DynamoBillingStore::toSubscription)
                .filter(sub -> sub.dueAt(at)).toList();
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

    @Override
    public Reserve reserve(PaymentReservation next) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(reservationItem(next))
                .conditionExpression("attribute_not_exists(pk) OR (#st = :released AND attempt < :attempt)")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":released", s(PaymentReservation.Status.RELEASED.name()), ":attempt", n(next.attempt()))))
                .build());
        if (next.fromBalanceCents() > 0) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(key(sellerKey(next.accountId()), BALANCE))
                    .updateExpression("SET amountCents = amountCents - :a")
                    .conditionExpression("amountCents >= :a")
                    .expressionAttributeValues(Map.of(":a", n(next.fromBalanceCents())))).build());
            writes.add(newEntry(new LedgerEntry(next.balanceEntryId(), next.accountId(), LedgerEntry.Type.CHARGE, next.fromBalanceCents(),
                    LedgerEntry.Source.BALANCE, next.plan(), next.key(), next.reservedAt())));
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return Reserve.RESERVED;
        } catch (TransactionCanceledException e) {
            if (DynamoTable.conditionFailed(e, 0) || DynamoTable.conditionFailed(e, 2)) {
                return Reserve.TAKEN; // another attempt's split stands, whatever the balance says now
            }
            if (DynamoTable.conditionFailed(e, 1)) {
                return Reserve.INSUFFICIENT;
            }
            throw e;
        }
    }

    @Override
    public Optional<PaymentReservation> reservation(String accountId, String key) {
        return items.get(sellerKey(accountId), RESERVATION + key, true).map(DynamoBillingStore::toReservation);
    }

    @Override
    public boolean complete(PaymentReservation completed) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        writes.add(settled(completed));
        if (completed.purpose().ledgered() && completed.fromMethodCents() > 0) {
            writes.add(newEntry(new LedgerEntry(completed.methodEntryId(), completed.accountId(), LedgerEntry.Type.CHARGE,
                    completed.fromMethodCents(), LedgerEntry.sourceOf(completed.method()), completed.plan(), completed.chargeId(),
                    completed.reservedAt())));
        }
        return settle(writes);
    }

    @Override
    public boolean release(PaymentReservation reservation) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        writes.add(settled(reservation.released()));
        if (reservation.fromBalanceCents() > 0) {
            LedgerEntry reversal = new LedgerEntry(reservation.reversalEntryId(), reservation.accountId(), LedgerEntry.Type.REVERSAL,
                    reservation.fromBalanceCents(), LedgerEntry.Source.BALANCE, reservation.plan(), reservation.key(),
                    reservation.reservedAt());
            writes.add(newEntry(reversal));
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(key(sellerKey(reservation.accountId()), BALANCE))
                    .updateExpression("ADD amountCents :a")
                    .expressionAttributeValues(Map.of(":a", n(reversal.amountCents())))).build());
        }
        return settle(writes);
    }

    @Override
    public List<PaymentReservation> openReservations(Instant reservedBefore) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(OPEN_RESERVATION_INDEX)
                        .keyConditionExpression("openBucket = :b AND reservedAt <= :before")
                        .expressionAttributeValues(Map.of(":b", s(OPEN_BUCKET), ":before", s(reservedBefore.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))))
                .items().stream().map(DynamoBillingStore::toReservation)
                .filter(r -> r.status() == PaymentReservation.Status.RESERVED).toList();
    }

    /** The reservation's new state, written only over the RESERVED item of the same attempt. */
    private TransactWriteItem settled(PaymentReservation next) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(reservationItem(next))
                .conditionExpression("#st = :reserved AND attempt = :attempt")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":reserved", s(PaymentReservation.Status.RESERVED.name()), ":attempt", n(next.attempt()))))
                .build();
    }

    private boolean settle(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (DynamoTable.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> reservationItem(PaymentReservation r) {
        Items.Builder b = item(sellerKey(r.accountId()), RESERVATION + r.key()).with("key", r.key()).with("purpose", r.purpose().name())
                .with("accountId", r.accountId()).with("attempt", r.attempt()).with("amountCents", r.amountCents())
                .with("fromBalanceCents", r.fromBalanceCents()).with("paymentType", r.method().type().name())
                .with("paymentToken", r.method().token()).with("plan", r.plan() == null ? null : r.plan().name())
                .with("status", r.status().name()).with("chargeId", r.chargeId()).with("reservedAt", r.reservedAt());
        if (r.status() == PaymentReservation.Status.RESERVED) {
            b.with("openBucket", OPEN_BUCKET);
        }
        return b.build();
    }

    private static PaymentReservation toReservation(Map<String, AttributeValue> i) {
        return new PaymentReservation(Items.str(i, "key"), PaymentReservation.Purpose.valueOf(Items.str(i, "purpose")),
                Items.str(i, "accountId"), (int) Items.num(i, "attempt", 1), Items.num(i, "amountCents", 0),
                Items.num(i, "fromBalanceCents", 0),
                new PaymentMethod(PaymentMethod.Type.valueOf(Items.str(i, "paymentType")), Items.str(i, "paymentToken")),
                Items.optStr(i, "plan").map(Plan::valueOf).orElse(null), PaymentReservation.Status.valueOf(Items.str(i, "status")),
                Items.optStr(i, "chargeId").orElse(null), Items.instant(i, "reservedAt"));
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
                .with("paymentToken", sub.paymentMethod().token()).with("autoRenewConsent", sub.autoRenewConsent())
                .with("failedAttempts", sub.failedAttempts());
        if (sub.status().billable()) {
            b.with("renewalBucket", RENEWAL_BUCKET);
        }
        return b.build();
    }

    private static Subscription toSubscription(Map<String, AttributeValue> i) {
        return new Subscription(Items.str(i, "sellerId"), Plan.valueOf(Items.str(i, "plan")),
                SubscriptionStatus.valueOf(Items.str(i, "status")), Items.instant(i, "currentPeriodStart"),
                Items.instant(i, "currentPeriodEnd"), (int) Items.num(i, "anniversaryDay", 1),
                new PaymentMethod(PaymentMethod.Type.valueOf(Items.str(i, "paymentType")), Items.str(i, "paymentToken")),
                Items.bool(i, "autoRenewConsent", false), (int) Items.num(i, "failedAttempts", 0));
    }

    private Optional<Map<String, AttributeValue>> get(String sellerId, String sk) {
        return items.get(sellerKey(sellerId), sk);
    }
}
