package app.go.local.aws;

import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.PaymentReservation;
import app.go.domain.port.BillingStore;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.adapter.aws.dynamodb.DynamoBillingStore;
import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The billing table's conditional subscription writes against the real engine (the local DynamoDB engine). */
class DynamoBillingStoreIntegrationTest {
    private static final PaymentMethod CARD = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa");
    private static LocalDynamoDb server;
    private static DynamoDbClient dynamo;
    private static DynamoBillingStore store;

    @BeforeAll
    static void start() {
        server = LocalDynamoDb.start();
        dynamo = LocalAws.dynamoDbClient(server.endpoint());
        new TopologyProvisioner(dynamo, null).createTable(SystemTopology.BILLING);
        store = new DynamoBillingStore(dynamo, SystemTopology.BILLING.localName());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    @Test
    @DisplayName("BILL-6 BILL-9 a renewal's write expecting ACTIVE is refused once a cancel has made the subscription CANCELLED_AT_PERIOD_END")
    void renewalLosesToCancel() {
        Subscription active = Subscription.start("s-race", Plan.PERSONAL_ASSISTANT, Instant.parse("2026-02-18T09:00:00Z"), CARD, true);
        assertTrue(store.create(active));
        assertTrue(store.replace(active.withStatus(SubscriptionStatus.CANCELLED_AT_PERIOD_END), active.currentPeriodEnd(),
                SubscriptionStatus.ACTIVE), "the cancel");

        assertFalse(store.replace(active.renewed(), active.currentPeriodEnd(), SubscriptionStatus.ACTIVE), "the renewal read ACTIVE");
        Subscription stored = store.subscription("s-race", Plan.PERSONAL_ASSISTANT).orElseThrow();
        assertEquals(SubscriptionStatus.CANCELLED_AT_PERIOD_END, stored.status());
        assertEquals(active.currentPeriodEnd(), stored.currentPeriodEnd());
    }

    @Test
    @DisplayName("BILL-3 BILL-9 a PENDING reservation keeps a second subscribe out, and only the reserved record can be deleted")
    void reservation() {
        Subscription pending = Subscription.start("s-res", Plan.CREATION_MODEL, Instant.parse("2026-02-18T09:00:00Z"), CARD, true)
                .withStatus(SubscriptionStatus.PENDING);
        assertTrue(store.create(pending));
        assertFalse(store.create(Subscription.start("s-res", Plan.CREATION_MODEL, Instant.parse("2026-02-18T09:00:01Z"), CARD, true)));
        assertTrue(store.dueForRenewal(Instant.parse("2027-01-01T00:00:00Z")).stream().noneMatch(s -> s.sellerId().equals("s-res")));

        assertFalse(store.delete("s-res", Plan.CREATION_MODEL, pending.currentPeriodEnd(), SubscriptionStatus.ACTIVE));
        assertTrue(store.delete("s-res", Plan.CREATION_MODEL, pending.currentPeriodEnd(), SubscriptionStatus.PENDING));
        assertTrue(store.subscription("s-res", Plan.CREATION_MODEL).isEmpty());
    }

    @Test
    @DisplayName("BILL-13 a payment reservation is written with its balance debit in one transaction, once per attempt, and settled with its ledger entry")
    void paymentReservations() {
        Instant at = Instant.parse("2026-03-18T09:00:00Z");
        store.credit(new LedgerEntry("credit-1", "s-pay", LedgerEntry.Type.CREDIT, 1_000, LedgerEntry.Source.PLATFORM, null, null, at));
        PaymentReservation first = new PaymentReservation("renewal#s-pay#PA#t", PaymentReservation.Purpose.RENEWAL, "s-pay", 1, 2_900,
                1_000, CARD, Plan.PERSONAL_ASSISTANT, PaymentReservation.Status.RESERVED, null, at);
        assertEquals(BillingStore.Reserve.INSUFFICIENT, store.reserve(new PaymentReservation(first.key(), first.purpose(), "s-pay", 1,
                2_900, 1_001, CARD, Plan.PERSONAL_ASSISTANT, PaymentReservation.Status.RESERVED, null, at)));
        assertEquals(BillingStore.Reserve.RESERVED, store.reserve(first));
        assertEquals(BillingStore.Reserve.TAKEN, store.reserve(first), "one split per key");
        assertEquals(0L, store.balance("s-pay"));
        assertEquals(List.of(first.key()), store.openReservations(at).stream().map(PaymentReservation::key)
                .filter(k -> k.startsWith("renewal#s-pay")).toList());

        assertTrue(store.release(first));
        assertFalse(store.release(first), "released once");
        assertEquals(1_000L, store.balance("s-pay"), "the balance part came back");
        assertTrue(store.openReservations(at).stream().noneMatch(r -> r.key().equals(first.key())));

        PaymentReservation second = new PaymentReservation(first.key(), first.purpose(), "s-pay", 2, 2_900, 0, CARD,
                Plan.PERSONAL_ASSISTANT, PaymentReservation.Status.RESERVED, null, at);
        assertEquals(BillingStore.Reserve.RESERVED, store.reserve(second), "the next attempt after a release");
        assertTrue(store.complete(second.completed("ch_1")));
        assertFalse(store.complete(second.completed("ch_1")));
        PaymentReservation stored = store.reservation("s-pay", first.key()).orElseThrow();
        assertEquals(PaymentReservation.Status.COMPLETED, stored.status());
        assertEquals("ch_1", stored.chargeId());
        assertEquals(2_900L, store.ledgerEntry("s-pay", second.methodEntryId()).orElseThrow().amountCents());
    }
}
