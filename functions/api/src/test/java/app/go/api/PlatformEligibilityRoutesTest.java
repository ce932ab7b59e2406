package app.go.api;

import app.go.domain.seller.AssistantState;
import app.go.domain.seller.EligibilityChange;
import app.go.domain.seller.Notification;
import app.go.support.json.Json;
import app.go.testing.InMemorySellerStore;
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

class PlatformEligibilityRoutesTest {
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-08T09:00:00Z"), ZoneOffset.UTC);
    private final HttpApiHandler api;

    PlatformEligibilityRoutesTest() {
        Map<String, Route> routes = new HashMap<>();
        new PlatformRoutes(sellers, new app.go.testing.InMemoryBillingStore(), clock).register(routes);
        api = new HttpApiHandler(routes);
    }

    private JsonNode putSeller(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("PUT /platform/sellers/{sellerId}");
        event.setBody(body);
        event.setPathParameters(Map.of("sellerId", "s1"));
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", "marketplace", "role", "platform"));
        authorizer.setJwt(jwt);
        context.setAuthorizer(authorizer);
        context.setRequestId("req-1");
        event.setRequestContext(context);
        APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.parse(response.getBody());
    }

    private List<Notification> lost() {
        return sellers.notifications("s1").stream().filter(n -> n.type().equals(EligibilityChange.ELIGIBILITY_LOST)).toList();
    }

    @Test
    @DisplayName("ELIG-3 ELIG-1 lowering a seller below level 2 switches the ACTIVE assistant off and notifies ELIGIBILITY_LOST once")
    void losingPa() {
        putSeller("{\"level\":2,\"pro\":true}");
        sellers.saveAssistant("s1", sellers.assistant("s1").withState(AssistantState.ACTIVE, clock.instant(), "mobile"));

        JsonNode body = putSeller("{\"level\":1,\"pro\":true}");
        assertEquals(false, body.get("eligibleForAssistant").asBoolean());
        assertEquals("[\"PA\"]", body.get("eligibilityLost").toString());
        assertEquals(AssistantState.INACTIVE, sellers.assistant("s1").state());
        assertEquals(1, lost().size());
        assertTrue(lost().get(0).id().startsWith("eligibility-lost#PA#"));

        putSeller("{\"level\":1,\"pro\":true}");
        putSeller("{\"level\":0,\"pro\":true}");
        assertEquals(1, lost().size(), "still ineligible: no second notification");
    }

    @Test
    @DisplayName("ELIG-3 ELIG-2 losing PA and CM eligibility at once notifies ELIGIBILITY_LOST once, naming both, and flags them in the response")
    void losingCm() {
        putSeller("{\"level\":2,\"pro\":false}");
        JsonNode body = putSeller("{\"level\":1,\"pro\":false}");
        assertEquals("[\"PA\",\"CM\"]", body.get("eligibilityLost").toString());
        assertEquals(false, body.get("eligibleForCreationModel").asBoolean());
        assertEquals(1, lost().size());
        assertTrue(lost().get(0).id().startsWith("eligibility-lost#PA+CM#"));
        assertEquals(AssistantState.INACTIVE, sellers.assistant("s1").state());
    }
}
