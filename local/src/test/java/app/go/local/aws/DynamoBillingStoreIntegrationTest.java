package app.go.local.aws;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.shared.aws.dynamodb.DynamoBillingStore;
import app.go.shared.topology.SystemTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;

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
}
