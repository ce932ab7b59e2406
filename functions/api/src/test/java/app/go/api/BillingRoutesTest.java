package app.go.api;

import app.go.api.fakes.InMemoryBillingStore;
import app.go.api.fakes.InMemoryIdempotencyStore;
import app.go.api.fakes.InMemorySellerStore;
import app.go.api.fakes.RecordingQueue;
import app.go.domain.seller.SellerAccount;
import app.go.shared.json.Json;
import app.go.shared.payments.offline.OfflinePaymentGateway;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BillingRoutesTest {
    private final InMemoryBillingStore store = new InMemoryBillingStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final OfflinePaymentGateway gateway = new OfflinePaymentGateway();
    private final RecordingQueue queue = new RecordingQueue();
    private final HttpApiHandler api;

    BillingRoutesTest() {
        Map<String, Route> routes = new HashMap<>();
        new BillingRoutes(store, queue, gateway, sellers, InMemoryIdempotencyStore.remembering(),
                Clock.fixed(Instant.parse("2026-02-18T09:00:00Z"), ZoneOffset.UTC)).register(routes);
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
}
