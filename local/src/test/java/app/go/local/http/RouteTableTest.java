package app.go.local.http;

import app.go.local.http.RouteTable.Found;
import app.go.local.http.RouteTable.Lookup;
import app.go.local.http.RouteTable.MethodNotAllowed;
import app.go.local.http.RouteTable.NotFound;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class RouteTableTest {
    private final RouteTable<String> table = new RouteTable<>();

    RouteTableTest() {
        table.put("GET", "/sellers/{sellerId}/assistant", "by-id");
        table.put("GET", "/sellers/me/assistant", "me");
        table.put("POST", "/sellers/me/assistant", "me-post");
        table.put("ANY", "/anything/{x}", "any");
    }

    @Test
    @DisplayName("a literal segment beats a parameter, as in API Gateway's route selection")
    void literalBeatsParameter() {
        assertEquals("me", found(table.find("GET", "/sellers/me/assistant")).target());
        Found<String> byId = found(table.find("GET", "/sellers/s-9/assistant"));
        assertEquals("by-id", byId.target());
        assertEquals(Map.of("sellerId", "s-9"), byId.pathParameters());
        assertEquals("GET /sellers/{sellerId}/assistant", byId.routeKey());
    }

    @Test
    @DisplayName("segments match exactly: no prefix, no trailing slash, no empty parameter")
    void exactSegments() {
        assertInstanceOf(NotFound.class, table.find("GET", "/sellers/me"));
        assertInstanceOf(NotFound.class, table.find("GET", "/sellers/me/assistant/"));
        assertInstanceOf(NotFound.class, table.find("GET", "/sellers//assistant"));
        assertInstanceOf(NotFound.class, table.find("GET", "/sellers/me/assistant/extra"));
    }

    @Test
    @DisplayName("path parameters are percent-decoded and an encoded slash stays inside its segment")
    void decodesParameters() {
        Found<String> found = found(table.find("GET", "/sellers/a%2Fb+c%20d/assistant"));
        assertEquals("a/b+c d", found.pathParameters().get("sellerId"));
    }

    @Test
    @DisplayName("a matching path under other methods only is method-not-allowed listing them; ANY matches every method")
    void methods() {
        assertEquals(Set.of("GET", "POST"),
                assertInstanceOf(MethodNotAllowed.class, table.find("DELETE", "/sellers/me/assistant")).allowed());
        assertEquals("any", found(table.find("PATCH", "/anything/1")).target());
    }

    @SuppressWarnings("unchecked")
    private static Found<String> found(Lookup<String> lookup) {
        return assertInstanceOf(Found.class, lookup);
    }
}
