package app.go.api;

import app.go.domain.seller.SellerAccount;
import app.go.support.json.Json;
import app.go.testing.InMemorySellerStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiGatewayEventFixtureTest {

    @ParameterizedTest
    @Event(value = "events/apigw-v2-put-platform-seller.json", type = APIGatewayV2HTTPEvent.class)
    @DisplayName("ELIG-1 a real API Gateway HTTP API event with Cognito claims (custom:role) sets a seller's level and eligibility")
    void platformSetsSellerLevel(APIGatewayV2HTTPEvent event) {
        InMemorySellerStore sellers = new InMemorySellerStore();
        Map<String, Route> routes = new HashMap<>();
        new PlatformRoutes(sellers, new app.go.testing.InMemoryBillingStore(), java.time.Clock.systemUTC()).register(routes);
        APIGatewayV2HTTPResponse response = new HttpApiHandler(routes).handleRequest(event, null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = Json.parse(response.getBody());
        assertTrue(body.get("eligibleForAssistant").asBoolean());
        SellerAccount saved = sellers.account("s-42").orElseThrow();
        assertEquals(2, saved.level());
        assertEquals("Europe/Berlin", saved.timezone());
    }
}
