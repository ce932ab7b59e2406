package app.go.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Billing through the local runtime: HTTP -> API handler -> DynamoDB; the billing run (the HTTP
 * route and the EventBridge schedule's timer on the test clock) -> renewals queue ->
 * RenewSubscriptionHandler -> DynamoDB. The tests share one clock that only moves forward, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingEndToEndTest extends LocalSystemTest {
    private static final Duration ASYNC = Duration.ofSeconds(20);
    private static final Map<String, Object> CARD = Map.of("type", "CARD", "token", "tok_visa");

    BillingEndToEndTest() {
        super("2026-02-18T09:00:00Z");
    }

    /** The test clock runs on from where it is set; tokens expire by it, so they are minted after each move. */
    private void setClock(String at) {
        clockAt(at);
        platform = api.token("marketplace", "platform");
    }

    private String seller(String sellerId) {
        return api.token(sellerId, "seller");
    }

    private String eligibleSeller(String sellerId) {
        assertEquals(200, api.call("PUT", "/platform/sellers/" + sellerId, platform, Map.of("level", 2, "timezone", "UTC")).status());
        return seller(sellerId);
    }

    private LocalApiClient.Response subscribe(String seller, String plan) {
        return api.call("POST", "/sellers/me/subscriptions", seller,
                Map.of("plan", plan, "paymentMethod", CARD, "autoRenewConsent", true));
    }

    private JsonNode subscription(String seller, String plan) {
        JsonNode list = api.call("GET", "/sellers/me/subscriptions", seller, null).body().get("subscriptions");
        return StreamSupport.stream(list.spliterator(), false).filter(s -> s.get("plan").asText().equals(plan))
                .findFirst().orElseThrow();
    }

    private List<JsonNode> ledger(String seller) {
        return StreamSupport.stream(api.call("GET", "/sellers/me/ledger", seller, null).body().get("entries").spliterator(), false)
                .toList();
    }

    private long balance(String seller) {
        return api.call("GET", "/sellers/me/balance", seller, null).body().at("/balance/amountCents").asLong();
    }

    private String assistantState(String seller) {
        return api.call("GET", "/sellers/me/assistant", seller, null).body().get("state").asText();
    }

    private int runBilling() {
        LocalApiClient.Response run = api.call("POST", "/platform/billing/run", platform, null);
        assertEquals(200, run.status(), run.body().toString());
        return run.body().get("enqueued").asInt();
    }

    @Test
    @Order(1)
    @DisplayName("BILL-3 BILL-9 BILL-6 first payment by card, renewal on the anniversary from the balance first, charged once; a cancelled plan then ends without a charge")
    void renewOnAnniversaryThenCancel() {
        String seller = eligibleSeller("s-bill");
        assertEquals(200, api.call("POST", "/platform/sellers/s-bill/balance", platform, Map.of("amountCents", 1_000)).status());

        LocalApiClient.Response subscribed = subscribe(seller, "PERSONAL_ASSISTANT");
        assertEquals(201, subscribed.status(), subscribed.body().toString());
        assertEquals("CARD", subscribed.body().at("/charge/source").asText(), "BILL-3: the first payment is by card");
        assertEquals(2_900, subscribed.body().at("/charge/amountCents").asLong());
        String periodEnd = subscribed.body().at("/subscription/currentPeriodEnd").asText();
        assertTrue(periodEnd.startsWith("2026-03-18T09:00:0"), "BILL-9: the anniversary, 18 Feb -> 18 Mar: " + periodEnd);
        String nextPeriodEnd = periodEnd.replace("2026-03-18", "2026-04-18");
        assertTrue(subscribed.body().has("assistantSettings"), "BILL-5");
        assertEquals(1_000, balance(seller));
        activateAssistant(seller);

        // past the anniversary: the schedule's timer fires on the test clock, and the platform runs billing twice more
        setClock("2026-03-18T09:00:30Z");
        seller = seller("s-bill");
        runBilling();
        runBilling();
        api.await("/sellers/me/subscriptions", seller,
                b -> b.toString().contains("\"currentPeriodEnd\":\"" + nextPeriodEnd + "\""), ASYNC);
        assertEquals(0, runBilling(), "the renewed subscription is not due again");
        pause();
        List<JsonNode> renewal = ledger(seller).stream().filter(e -> e.get("id").asText().startsWith("renewal#")).toList();
        assertEquals(2, renewal.size(), "BILL-9: one balance part and one card part, once: " + renewal);
        assertTrue(renewal.stream().anyMatch(e -> e.get("source").asText().equals("BALANCE") && e.get("amountCents").asLong() == 1_000));
        assertTrue(renewal.stream().anyMatch(e -> e.get("source").asText().equals("CARD") && e.get("amountCents").asLong() == 1_900));
        assertEquals(0, balance(seller), "BILL-3: the balance paid first");

        LocalApiClient.Response cancelled = api.call("POST", "/sellers/me/subscriptions/PERSONAL_ASSISTANT/cancel", seller, null);
        assertEquals(200, cancelled.status(), cancelled.body().toString());
        assertEquals("CANCELLED_AT_PERIOD_END", cancelled.body().at("/subscription/status").asText());
        assertEquals("ACTIVE", assistantState(seller), "BILL-6: features stay until the cycle ends");
        int entries = ledger(seller).size();

        assertEquals(200, api.call("POST", "/platform/sellers/s-bill/balance", platform, Map.of("amountCents", 5_000)).status());
        setClock("2026-04-18T09:00:30Z");
        seller = seller("s-bill");
        runBilling();
        api.await("/sellers/me/subscriptions", seller, b -> b.toString().contains("\"status\":\"ENDED\""), ASYNC);
        assertEquals(nextPeriodEnd, subscription(seller, "PERSONAL_ASSISTANT").get("currentPeriodEnd").asText());
        assertEquals(entries + 1, ledger(seller).size(), "only the credit: no charge, no refund");
        assertEquals(5_000, balance(seller));
        assertEquals("INACTIVE", assistantState(seller), "BILL-6: assistant auto-replies stop after the cycle");
    }

    @Test
    @Order(2)
    @DisplayName("BILL-8 BILL-7 upgrading 10 days before the PA period ends refunds $9.70 once; the platform's downgrade then switches PA off and the inbox keeps its conversations")
    void upgradeThenDowngrade() {
        setClock("2026-04-20T12:00:00Z");
        String seller = eligibleSeller("s-upgrade");
        LocalApiClient.Response subscribed = subscribe(seller, "PERSONAL_ASSISTANT");
        assertEquals(201, subscribed.status(), subscribed.body().toString());
        activateAssistant(seller);
        // 10 whole days (and an hour, as the clock runs on) before the PA period ends
        Instant periodEnd = Instant.parse(subscribed.body().at("/subscription/currentPeriodEnd").asText());
        setClock(periodEnd.minus(Duration.ofDays(10)).minus(Duration.ofHours(1)).toString());
        seller = seller("s-upgrade");

        Map<String, Object> upgrade = Map.of("from", "PERSONAL_ASSISTANT", "to", "SELLER_PLUS_PREMIUM");
        LocalApiClient.Response upgraded = api.call("POST", "/sellers/me/subscriptions/upgrade", seller, upgrade,
                Map.of("Idempotency-Key", "upgrade-1"));
        assertEquals(200, upgraded.status(), upgraded.body().toString());
        assertEquals(970, upgraded.body().at("/refund/amountCents").asLong());
        assertEquals("USD", upgraded.body().at("/refund/currency").asText());
        assertEquals("SELLER_PLUS_PREMIUM", upgraded.body().at("/subscription/plan").asText());
        assertEquals(10, upgraded.body().at("/refund/remainingDays").asLong());
        assertTrue(upgraded.body().at("/subscription/currentPeriodStart").asText().startsWith("2026-05-10T11:0"),
                "Seller Plus Premium starts now: " + upgraded.body());
        assertEquals(upgraded.body(), api.call("POST", "/sellers/me/subscriptions/upgrade", seller, upgrade,
                Map.of("Idempotency-Key", "upgrade-1")).body());
        LocalApiClient.Response again = api.call("POST", "/sellers/me/subscriptions/upgrade", seller, upgrade);
        assertEquals(409, again.status());
        assertEquals("NOTHING_TO_UPGRADE", again.body().get("code").asText());
        assertEquals(970, balance(seller), "refunded once, to the balance");
        assertEquals(1, ledger(seller).stream().filter(e -> e.get("type").asText().equals("REFUND")).count());
        assertEquals("ENDED", subscription(seller, "PERSONAL_ASSISTANT").get("status").asText());
        assertEquals("ACTIVE", assistantState(seller), "PA goes on through Seller Plus Premium");

        String client = api.token("c-bill", "client");
        LocalApiClient.Response started = api.call("POST", "/conversations", client,
                Map.of("sellerId", "s-upgrade", "text", "Hello, do you design logos?"));
        assertEquals(201, started.status(), started.body().toString());
        String conversationId = started.body().get("conversationId").asText();

        seller = seller("s-upgrade");
        LocalApiClient.Response downgraded = api.call("POST", "/platform/sellers/s-upgrade/seller-plus", platform, Map.of("active", false));
        assertEquals(200, downgraded.status(), downgraded.body().toString());
        assertEquals("ENDED", downgraded.body().at("/subscription/status").asText());
        assertEquals("INACTIVE", assistantState(seller), "BILL-7: PA is switched off");
        assertTrue(api.call("GET", "/sellers/me/inbox", seller, null).body().toString().contains(conversationId),
                "BILL-7: past conversations stay in the inbox");
    }

    @Test
    @Order(3)
    @DisplayName("ELIG-3 a seller lowered below level 2 is told ELIGIBILITY_LOST once, the assistant stops and the PA plan ends at once (nothing renews)")
    void eligibilityLost() {
        String seller = eligibleSeller("s-demoted");
        assertEquals(201, subscribe(seller, "PERSONAL_ASSISTANT").status());
        activateAssistant(seller);
        LocalApiClient.Response lowered = api.call("PUT", "/platform/sellers/s-demoted", platform, Map.of("level", 1, "timezone", "UTC"));
        assertEquals(200, lowered.status());
        assertEquals("[\"PA\",\"CM\"]", lowered.body().get("eligibilityLost").toString());
        assertEquals("INACTIVE", assistantState(seller));
        String notifications = api.call("GET", "/sellers/me/notifications", seller, null).body().toString();
        assertTrue(notifications.contains("ELIGIBILITY_LOST"), notifications);
        assertEquals(1, notifications.split("ELIGIBILITY_LOST", -1).length - 1, "told once: " + notifications);
        assertEquals("ENDED", subscription(seller, "PERSONAL_ASSISTANT").get("status").asText());
        assertEquals(422, subscribe(seller, "PERSONAL_ASSISTANT").status(), "not eligible any more");
        assertEquals(200, api.call("PUT", "/platform/sellers/s-demoted", platform, Map.of("level", 2, "timezone", "UTC")).status());
        assertEquals(201, subscribe(seller, "PERSONAL_ASSISTANT").status(), "regained: may subscribe again");
    }

    @Test
    @Order(4)
    @DisplayName("BILL-11 BILL-13 a declined renewal is retried by the billing schedule with the replaced payment method, PAYMENT_FAILED told, no gap; GET /local/payments counts every attempt")
    void dunningWithAReplacedCard() {
        setClock("2026-07-01T09:00:00Z");
        String seller = eligibleSeller("s-dunning");
        LocalApiClient.Response subscribed = subscribe(seller, "CREATION_MODEL");
        assertEquals(201, subscribed.status(), subscribed.body().toString());
        Instant periodEnd = Instant.parse(subscribed.body().at("/subscription/currentPeriodEnd").asText());
        LocalApiClient.Response bad = api.call("PUT", "/sellers/me/payment-method", seller,
                Map.of("paymentMethod", Map.of("type", "CARD", "token", "tok_decline_insufficient")));
        assertEquals(200, bad.status(), bad.body().toString());
        assertEquals(400, api.call("PUT", "/sellers/me/payment-method", seller, Map.of("paymentMethod", Map.of("type", "CHEQUE", "token", "x")))
                .status());

        setClock(periodEnd.toString());
        seller = seller("s-dunning");
        assertTrue(runBilling() >= 1, "other sellers of earlier tests may be due too");
        String owner = seller;
        awaitTrue(() -> subscription(owner, "CREATION_MODEL").get("status").asText().equals("PAST_DUE"));
        assertTrue(api.call("GET", "/sellers/me/notifications", seller, null).body().toString().contains("PAYMENT_FAILED"));

        assertEquals(200, api.call("PUT", "/sellers/me/payment-method", seller,
                Map.of("paymentMethod", Map.of("type", "PAYPAL", "token", "pp_ok"))).status());
        setClock(periodEnd.plus(Duration.ofDays(1)).toString());
        seller = seller("s-dunning");
        assertTrue(runBilling() >= 1, "other sellers of earlier tests may be due too");
        String after = seller;
        awaitTrue(() -> subscription(after, "CREATION_MODEL").get("status").asText().equals("ACTIVE"));
        assertEquals(periodEnd.toString(), subscription(seller, "CREATION_MODEL").get("currentPeriodStart").asText(), "no gap");
        pause();

        JsonNode payments = api.call("GET", "/local/payments", null, null).body();
        List<JsonNode> mine = StreamSupport.stream(payments.get("payments").spliterator(), false)
                .filter(p -> "s-dunning".equals(p.path("payerId").asText())).toList();
        assertEquals(List.of("approved", "declined", "approved"), mine.stream().map(p -> p.get("outcome").asText()).toList(), mine.toString());
        assertTrue(mine.get(1).get("idempotencyKey").asText().endsWith("#1"));
        assertTrue(mine.get(2).get("idempotencyKey").asText().endsWith("#2"));
        assertEquals("PAYPAL", mine.get(2).get("methodType").asText());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(ASYNC);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "not within " + ASYNC);
            pause();
        }
    }

    /** Lets any duplicate renewal message still in flight be consumed before counting charges. */
    private static void pause() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
