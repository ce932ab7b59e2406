package app.go.local.http;

import app.go.support.time.AdjustableClock;
import app.go.wiring.topology.RouteSpec;
import app.go.wiring.topology.SystemTopology;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps docs/openapi.yaml and the routes the system serves the same set. */
class OpenApiSyncTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode openApi;
    private static Set<String> localRouteKeys;

    @BeforeAll
    static void load() throws IOException {
        openApi = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
        try (LocalHttpApi api = new LocalHttpApi(0, List.of(), new RecordingInvoker(event -> null),
                new LocalTokens("unused", AdjustableClock.systemUtc()), AdjustableClock.systemUtc())) {
            LocalRuntimeRoutes.registerPayments(api, new app.go.adapter.offline.OfflinePaymentGateway()); // as GoLocal does offline
            api.serveFiles(new app.go.adapter.file.SignedFileLinks(new byte[32], AdjustableClock.systemUtc(),
                    app.go.domain.port.FileLinks.TTL), new app.go.adapter.file.FileBlobStore(java.nio.file.Path.of("target", "unused-blobs")));
            localRouteKeys = new TreeSet<>(api.localRouteKeys());
        }
    }

    @Test
    @DisplayName("swagger-parser reads the document with no error and no warning")
    void documentIsValid() {
        assertEquals(List.of(), OpenApiContract.get().documentMessages());
    }

    @Test
    @DisplayName("the document is OpenAPI 3.0.3 with a JWT bearerAuth scheme required by default")
    void header() {
        assertEquals("3.0.3", openApi.path("openapi").asText());
        JsonNode bearer = openApi.at("/components/securitySchemes/bearerAuth");
        assertEquals("http", bearer.path("type").asText());
        assertEquals("bearer", bearer.path("scheme").asText());
        assertEquals("JWT", bearer.path("bearerFormat").asText());
        assertTrue(openApi.at("/security/0").has("bearerAuth"));
    }

    @Test
    @DisplayName("every route of SystemTopology.ROUTES and every built-in local route is documented, and nothing else")
    void routesAndDocumentAgree() {
        Set<String> served = new TreeSet<>(localRouteKeys);
        SystemTopology.ROUTES.forEach(route -> served.add(route.routeKey()));

        assertEquals(served, documentedRouteKeys());
    }

    @Test
    @DisplayName("authenticated routes keep the bearer requirement and local routes opt out of it")
    void securityPerRoute() {
        for (RouteSpec route : SystemTopology.ROUTES) {
            JsonNode security = operation(route.routeKey()).path("security");
            if (route.authenticated()) {
                assertTrue(security.isMissingNode() || security.toString().contains("bearerAuth"), route.routeKey());
            } else {
                assertTrue(security.isArray() && security.isEmpty(), route.routeKey());
            }
        }
        for (String key : localRouteKeys) {
            JsonNode security = operation(key).path("security");
            assertTrue(security.isArray() && security.isEmpty(), key + " must declare security: []");
        }
    }

    @Test
    @DisplayName("every {parameter} of a documented path is declared as a required path parameter")
    void pathParametersDeclared() {
        Pattern parameter = Pattern.compile("\\{([^}]+)}");
        for (String key : documentedRouteKeys()) {
            Set<String> inPath = new TreeSet<>();
            Matcher matcher = parameter.matcher(path(key));
            while (matcher.find()) {
                inPath.add(matcher.group(1));
            }
            Set<String> declared = new TreeSet<>();
            for (JsonNode declaration : operation(key).path("parameters")) {
                JsonNode resolved = resolve(declaration);
                if (resolved.path("in").asText().equals("path")) {
                    assertTrue(resolved.path("required").asBoolean(), key + " " + resolved.path("name").asText());
                    declared.add(resolved.path("name").asText());
                }
            }
            assertEquals(inPath, declared, key);
        }
    }

    @Test
    @DisplayName("every $ref points at a component that exists")
    void referencesResolve() {
        List<String> references = new ArrayList<>();
        collectReferences(openApi, references);

        assertFalse(references.isEmpty());
        for (String reference : references) {
            assertTrue(reference.startsWith("#/"), reference);
            assertFalse(openApi.at(reference.substring(1)).isMissingNode(), "dangling " + reference);
        }
    }

    @Test
    @DisplayName("the Problem schema has type, title, status, detail and code, and every 4xx answer of the topology's routes is problem+json")
    void problems() {
        JsonNode problem = openApi.at("/components/schemas/Problem/properties");
        for (String field : List.of("type", "title", "status", "detail", "code")) {
            assertTrue(problem.has(field), field);
        }
        for (RouteSpec route : SystemTopology.ROUTES) {
            JsonNode responses = operation(route.routeKey()).path("responses");
            assertTrue(responses.has("401"), route.routeKey() + " documents 401");
            responses.fields().forEachRemaining(entry -> {
                if (entry.getKey().startsWith("4")) {
                    assertTrue(resolve(entry.getValue()).at("/content").has(Problem.CONTENT_TYPE),
                            route.routeKey() + " " + entry.getKey());
                }
            });
        }
    }

    private static Set<String> documentedRouteKeys() {
        Set<String> keys = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(name -> {
            if (HTTP_METHODS.contains(name)) {
                keys.add(name.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return keys;
    }

    private static JsonNode operation(String routeKey) {
        JsonNode operation = openApi.path("paths").path(path(routeKey)).path(method(routeKey));
        assertFalse(operation.isMissingNode(), routeKey + " is not documented");
        return operation;
    }

    private static String method(String routeKey) {
        return routeKey.substring(0, routeKey.indexOf(' ')).toLowerCase(Locale.ROOT);
    }

    private static String path(String routeKey) {
        return routeKey.substring(routeKey.indexOf(' ') + 1);
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? openApi.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
