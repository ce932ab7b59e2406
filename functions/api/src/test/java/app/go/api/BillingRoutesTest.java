package app.go.api;

import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Renewal;
import app.go.domain.billing.SubscriptionStatus;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.support.json.Json;
import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryBillingStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingQueue;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BillingRoutesTest {
    private final InMemoryBillingStore store = new InMemoryBillingStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final OfflinePaymentGateway gateway = new OfflinePaymentGateway();
    private final RecordingQueue queue = new RecordingQueue();
    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-02-18T09:00:00Z"), ZoneOffset.UTC));
    private final HttpApiHandler api;

    BillingRoutesTest() {
        Map<String, Route> routes = new HashMap<>();
        new BillingRoutes(store, queue, gateway, sellers, InMemoryIdempotencyStore.remembering(), clock).register(routes);
        api = new HttpApiHandler(routes);
        sellers.saveAccount(new SellerAccount("s1", 2, false, "UTC", false));
    }

    private APIGatewayV2HTTPResponse call(String routeKey, String sub, String role, String body, Map<String, String> path,
                                          Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setBody(body);
        event.setPathParameters(path);
        event.setHeaders(headers);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", sub, "role", role));
        authorizer.setJwt(jwt);
        context.setAuthorizer(authorizer);
        context.setRequestId("req-1");
        event.setRequestContext(context);
        return api.handleRequest(event, null);
    }

    private static final String SUBSCRIBE_PA = "{\"plan\":\"PERSONAL_ASSISTANT\",\"paymentMethod\":{\"type\":\"CARD\",\"token\":\"tok_visa\"},"
            + "\"autoRenewConsent\":true}";

    @Test
    @DisplayName("BILL-3 BILL-5 POST /sellers/me/subscriptions charges $29 once per Idempotency-Key and returns the PA settings")
    void subscribe() {
        Map<String, String> key = Map.of("Idempotency-Key", "k1");
        APIGatewayV2HTTPResponse first = call("POST /sellers/me/subscriptions", "s1", "seller", SUBSCRIBE_PA, null, key);
        APIGatewayV2HTTPResponse again = call("POST /sellers/me/subscriptions", "s1", "seller", SUBSCRIBE_PA, null, key);
        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals(first.getBody(), again.getBody());
        JsonNode body = Json.parse(first.getBody());
        assertEquals("ACTIVE", body.at("/subscription/status").asText());
        assertEquals("2026-03-18T09:00:00Z", body.at("/subscription/currentPeriodEnd").asText());
        assertEquals(2_900, body.at("/charge/amountCents").asLong());
        assertEquals("USD", body.at("/charge/currency").asText());
        assertEquals("CARD", body.at("/charge/source").asText());
        assertEquals("INACTIVE", body.at("/assistantSettings/state").asText());
        for (String field : List.of("name", "availability", "excludedClientTypes", "handoff", "dailyLimit")) {
            assertTrue(body.path("assistantSettings").has(field), "BILL-5: the whole settings page, " + field + " too: " + body);
        }
        assertEquals(1, gateway.charges());
        JsonNode list = Json.parse(call("GET /sellers/me/subscriptions", "s1", "seller", null, null, null).getBody());
        assertEquals(1, list.get("subscriptions").size());
    }

    @Test
    @DisplayName("BILL-4 ELIG-1 no consent or an ineligible seller is 422 with its code")
    void refusals() {
        String noConsent = SUBSCRIBE_PA.replace("true", "false");
        APIGatewayV2HTTPResponse response = call("POST /sellers/me/subscriptions", "s1", "seller", noConsent, null, null);
        assertEquals(422, response.getStatusCode());
        assertEquals("AUTO_RENEW_CONSENT_REQUIRED", Json.parse(response.getBody()).get("code").asText());
        response = call("POST /sellers/me/subscriptions", "newbie", "seller", SUBSCRIBE_PA, null, null);
        assertEquals(422, response.getStatusCode());
        assertEquals("NOT_ELIGIBLE", Json.parse(response.getBody()).get("code").asText());
        response = call("POST /sellers/me/subscriptions", "s1", "seller", "{\"plan\":\"CREATION_MODEL\",\"autoRenewConsent\":true}", null, null);
        assertEquals(400, response.getStatusCode());
    }

    @Test
    @DisplayName("BILL-10 the platform credits integer cents; the seller sees balance and ledger; billing run enqueues due renewals")
    void balanceLedgerAndRun() {
        APIGatewayV2HTTPResponse credited = call("POST /platform/sellers/{sellerId}/balance", "marketplace", "platform",
                "{\"amountCents\":1500}", Map.of("sellerId", "s1"), null);
        assertEquals(200, credited.getStatusCode(), credited.getBody());
        assertEquals(400, call("POST /platform/sellers/{sellerId}/balance", "marketplace", "platform",
                "{\"amountCents\":0}", Map.of("sellerId", "s1"), null).getStatusCode());
        assertEquals(400, call("POST /platform/sellers/{sellerId}/balance", "marketplace", "platform",
                "{\"amountCents\":12.5}", Map.of("sellerId", "s1"), null).getStatusCode());
        assertEquals(403, call("POST /platform/sellers/{sellerId}/balance", "s1", "seller",
                "{\"amountCents\":100}", Map.of("sellerId", "s1"), null).getStatusCode());

        JsonNode balance = Json.parse(call("GET /sellers/me/balance", "s1", "seller", null, null, null).getBody());
        assertEquals(1_500, balance.at("/balance/amountCents").asLong());
        assertEquals("USD", balance.at("/balance/currency").asText());
        JsonNode ledger = Json.parse(call("GET /sellers/me/ledger", "s1", "seller", null, null, null).getBody());
        assertEquals("CREDIT", ledger.at("/entries/0/type").asText());

        call("POST /sellers/me/subscriptions", "s1", "seller", SUBSCRIBE_PA, null, null);
        JsonNode run = Json.parse(call("POST /platform/billing/run", "marketplace", "platform",
                "{\"at\":\"2026-03-18T09:00:00Z\"}", null, null).getBody());
        assertEquals(1, run.get("enqueued").asInt());
        assertEquals("2026-03-18T09:00:00Z", run.get("at").asText());
        JsonNode now = Json.parse(call("POST /platform/billing/run", "marketplace", "platform", null, null, null).getBody());
        assertEquals("2026-02-18T09:00:00Z", now.get("at").asText());
        assertEquals(0, now.get("enqueued").asInt());
    }

    private static final Instant MAR_8 = Instant.parse("2026-03-08T09:00:00Z");
    private static final Instant MAR_18 = Instant.parse("2026-03-18T09:00:00Z");

    private Renewal renewal() {
        return new Renewal(store, sellers, InMemoryIdempotencyStore.remembering(), gateway, clock);
    }

    private void activeAssistant(String sellerId) {
        sellers.saveAssistant(sellerId, sellers.assistant(sellerId).withState(AssistantState.ACTIVE, clock.instant(), "mobile"));
    }

    @Test
    @DisplayName("BILL-6 POST /sellers/me/subscriptions/{plan}/cancel keeps the plan to the period end; the billing run then ends it without a charge and PA stops")
    void cancelThroughTheApi() {
        call("POST /sellers/me/subscriptions", "s1", "seller", SUBSCRIBE_PA, null, null);
        activeAssistant("s1");
        APIGatewayV2HTTPResponse cancelled = call("POST /sellers/me/subscriptions/{plan}/cancel", "s1", "seller", null,
                Map.of("plan", "PERSONAL_ASSISTANT"), null);
        assertEquals(200, cancelled.getStatusCode(), cancelled.getBody());
        assertEquals("CANCELLED_AT_PERIOD_END", Json.parse(cancelled.getBody()).at("/subscription/status").asText());
        assertEquals("2026-03-18T09:00:00Z", Json.parse(cancelled.getBody()).at("/subscription/currentPeriodEnd").asText());
        assertEquals(AssistantState.ACTIVE, sellers.assistant("s1").state(), "features stay until the period ends");

        clock.set(MAR_18);
        JsonNode run = Json.parse(call("POST /platform/billing/run", "marketplace", "platform", null, null, null).getBody());
        assertEquals(1, run.get("enqueued").asInt());
        assertEquals(Renewal.Outcome.ENDED, renewal().renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        assertEquals(SubscriptionStatus.ENDED, store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
        assertEquals(AssistantState.INACTIVE, sellers.assistant("s1").state());
        assertEquals(1, gateway.charges(), "no renewal charge, no refund");
        assertTrue(store.ledger("s1").stream().noneMatch(e -> e.type() == LedgerEntry.Type.REFUND));
        JsonNode list = Json.parse(call("GET /sellers/me/subscriptions", "s1", "seller", null, null, null).getBody());
        assertEquals("ENDED", list.at("/subscriptions/0/status").asText(), "past data stays readable");

        assertEquals(404, call("POST /sellers/me/subscriptions/{plan}/cancel", "s1", "seller", null,
                Map.of("plan", "PERSONAL_ASSISTANT"), null).getStatusCode());
        assertEquals(404, call("POST /sellers/me/subscriptions/{plan}/cancel", "s1", "seller", null,
                Map.of("plan", "GOLD"), null).getStatusCode());
        assertEquals(404, call("POST /sellers/me/subscriptions/{plan}/cancel", "other", "seller", null,
                Map.of("plan", "CREATION_MODEL"), null).getStatusCode());
    }

    @Test
    @DisplayName("BILL-8 POST /sellers/me/subscriptions/upgrade 10 days before the PA period ends refunds $9.70 once (Idempotency-Key, then 409 NOTHING_TO_UPGRADE)")
    void upgradeThroughTheApi() {
        call("POST /sellers/me/subscriptions", "s1", "seller", SUBSCRIBE_PA, null, null);
        clock.set(MAR_8);
        String upgrade = "{\"from\":\"PERSONAL_ASSISTANT\",\"to\":\"SELLER_PLUS_PREMIUM\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "up-1");
        APIGatewayV2HTTPResponse first = call("POST /sellers/me/subscriptions/upgrade", "s1", "seller", upgrade, null, key);
        assertEquals(200, first.getStatusCode(), first.getBody());
        JsonNode body = Json.parse(first.getBody());
        assertEquals(970, body.at("/refund/amountCents").asLong());
        assertEquals("USD", body.at("/refund/currency").asText());
        assertEquals(10, body.at("/refund/remainingDays").asLong());
        assertEquals("SELLER_PLUS_PREMIUM", body.at("/subscription/plan").asText());
        assertEquals("2026-03-08T09:00:00Z", body.at("/subscription/currentPeriodStart").asText());
        assertEquals(Plan.SELLER_PLUS_PREMIUM.priceCents(), body.at("/charge/amountCents").asLong());
        assertEquals("CARD", body.at("/charge/source").asText());
        assertEquals("ENDED", body.at("/ended/status").asText());

        assertEquals(first.getBody(), call("POST /sellers/me/subscriptions/upgrade", "s1", "seller", upgrade, null, key).getBody());
        APIGatewayV2HTTPResponse again = call("POST /sellers/me/subscriptions/upgrade", "s1", "seller", upgrade, null, null);
        assertEquals(409, again.getStatusCode());
        assertEquals("NOTHING_TO_UPGRADE", Json.parse(again.getBody()).get("code").asText());
        JsonNode balance = Json.parse(call("GET /sellers/me/balance", "s1", "seller", null, null, null).getBody());
        assertEquals(970, balance.at("/balance/amountCents").asLong());
        JsonNode ledger = Json.parse(call("GET /sellers/me/ledger", "s1", "seller", null, null, null).getBody());
        assertEquals(1, ledger.findValues("type").stream().filter(t -> t.asText().equals("REFUND")).count());

        assertEquals(422, call("POST /sellers/me/subscriptions/upgrade", "s1", "seller",
                "{\"from\":\"CREATION_MODEL\",\"to\":\"SELLER_PLUS_PREMIUM\"}", null, null).getStatusCode());
        assertEquals(400, call("POST /sellers/me/subscriptions/upgrade", "s1", "seller", "{\"from\":\"PERSONAL_ASSISTANT\"}",
                null, null).getStatusCode());
    }

    @Test
    @DisplayName("BILL-7 POST /platform/sellers/{sellerId}/seller-plus {active:false} ends Seller Plus Premium now and switches PA off")
    void platformDowngrade() {
        call("POST /sellers/me/subscriptions", "s1", "seller", SUBSCRIBE_PA.replace("PERSONAL_ASSISTANT", "SELLER_PLUS_PREMIUM"), null, null);
        activeAssistant("s1");
        clock.set(MAR_8);
        APIGatewayV2HTTPResponse downgraded = call("POST /platform/sellers/{sellerId}/seller-plus", "marketplace", "platform",
                "{\"active\":false}", Map.of("sellerId", "s1"), null);
        assertEquals(200, downgraded.getStatusCode(), downgraded.getBody());
        JsonNode body = Json.parse(downgraded.getBody());
        assertEquals("ENDED", body.at("/subscription/status").asText());
        assertEquals("2026-03-08T09:00:00Z", body.at("/subscription/currentPeriodEnd").asText());
        assertEquals("INACTIVE", body.get("assistantState").asText());
        assertTrue(!sellers.account("s1").orElseThrow().sellerPlusPremium());

        APIGatewayV2HTTPResponse start = call("POST /platform/sellers/{sellerId}/seller-plus", "marketplace", "platform",
                "{\"active\":true}", Map.of("sellerId", "s1"), null);
        assertEquals(422, start.getStatusCode());
        assertEquals("SUBSCRIPTION_REQUIRED", Json.parse(start.getBody()).get("code").asText());
        assertEquals(403, call("POST /platform/sellers/{sellerId}/seller-plus", "s1", "seller", "{\"active\":false}",
                Map.of("sellerId", "s1"), null).getStatusCode());
    }
}
