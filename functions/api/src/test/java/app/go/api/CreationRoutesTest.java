package app.go.api;

import app.go.domain.creation.Asset;
import app.go.domain.creation.CreationService;
import app.go.domain.creation.CreationStore;
import app.go.domain.creation.Model;
import app.go.domain.creation.Subcategories;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerStore;
import app.go.shared.blob.BlobStore;
import app.go.shared.idempotency.IdempotencyStore;
import app.go.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreationRoutesTest {
    private final Map<String, Object> started = new HashMap<>();
    private final HttpApiHandler api;

    CreationRoutesTest() {
        SellerStore sellers = (SellerStore) Proxy.newProxyInstance(SellerStore.class.getClassLoader(),
                new Class<?>[]{SellerStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "account" -> Optional.of(new SellerAccount((String) args[0], "s-1".equals(args[0]) ? 2 : 1,
                            false, "UTC", false));
                    default -> null;
                });
        Map<String, byte[]> blobs = new HashMap<>();
        BlobStore blobStore = new BlobStore() {
            public void put(String key, byte[] content, String type) { blobs.put(key, content); }
            public Optional<byte[]> get(String key) { return Optional.ofNullable(blobs.get(key)); }
            public void delete(String key) { blobs.remove(key); }
        };
        var service = new CreationService(new MemoryCreations(), sellers, blobStore,
                (name, input) -> { started.put(name, input); return name; }, Subcategories.standard(), Clock.systemUTC());
        Map<String, Route> routes = new HashMap<>();
        new CreationRoutes(service, new MemoryIdempotency()).register(routes);
        api = new HttpApiHandler(routes);
    }

    private APIGatewayV2HTTPResponse call(String seller, String routeKey, Map<String, String> path, String body,
                                          Map<String, String> headers) {
        var event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path).withBody(body)
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", seller, "role", "seller")).build()).build()).build())
                .build();
        return api.handleRequest(event, null);
    }

    private static String upload(boolean confirmed) {
        return "{\"kind\":\"TEXT\",\"contentBase64\":\"" + Base64.getEncoder().encodeToString("my words".getBytes())
                + "\",\"filename\":\"a.txt\",\"source\":\"PORTFOLIO\",\"tags\":[\"calm\"],\"ownWorkConfirmed\":" + confirmed + "}";
    }

    @Test
    @DisplayName("DATA-3 POST /sellers/me/assets without ownWorkConfirmed is 422 OWN_WORK_NOT_CONFIRMED; bad base64 is 400")
    void assetRules() {
        var refused = call("s-1", "POST /sellers/me/assets", null, upload(false), null);
        assertEquals(422, refused.getStatusCode());
        assertEquals("OWN_WORK_NOT_CONFIRMED", Json.parse(refused.getBody()).path("code").asText());
        var bad = call("s-1", "POST /sellers/me/assets", null,
                "{\"kind\":\"IMAGE\",\"contentBase64\":\"%%%\",\"filename\":\"a.png\",\"ownWorkConfirmed\":true}", null);
        assertEquals(400, bad.getStatusCode());
        var ok = call("s-1", "POST /sellers/me/assets", null, upload(true), null);
        assertEquals(201, ok.getStatusCode());
        assertTrue(Json.parse(ok.getBody()).path("assetId").asText().startsWith("ast_"));
    }

    @Test
    @DisplayName("ELIG-2 POST /sellers/me/models is 422 NOT_ELIGIBLE below level 2; an unknown subcategory is 400")
    void modelRules() {
        assertEquals(422, call("s-low", "POST /sellers/me/models", null, "{\"subcategory\":\"TATTOO\"}", null).getStatusCode());
        assertEquals(400, call("s-1", "POST /sellers/me/models", null, "{\"subcategory\":\"POETRY\"}", null).getStatusCode());
    }

    @Test
    @DisplayName("CM-TRN-1 create, set all assets, train (202), read: the model view has the api.md fields")
    void flow() {
        String assetId = Json.parse(call("s-1", "POST /sellers/me/assets", null,
                upload(true).replace("TEXT", "IMAGE").replace("a.txt", "a.png"), null).getBody()).path("assetId").asText();
        JsonNode model = Json.parse(call("s-1", "POST /sellers/me/models", null, "{\"subcategory\":\"tattoo\"}", null).getBody());
        String id = model.path("id").asText();
        assertEquals("DRAFT", model.path("status").asText());
        assertEquals(2, model.path("trainingsLeft").asInt());
        assertTrue(model.has("pricing") && model.path("pricing").isNull());
        assertEquals(false, model.path("active").asBoolean(true));
        assertTrue(model.path("visibility").has("onServices"));

        assertEquals(422, call("s-1", "POST /sellers/me/models/{id}/train", Map.of("id", id), null, null).getStatusCode());
        var set = call("s-1", "PUT /sellers/me/models/{id}/assets", Map.of("id", id), "{\"all\":true}", null);
        assertEquals(List.of(assetId), Json.convert(Json.parse(set.getBody()).path("assetIds"), List.class));
        assertEquals(404, call("s-1", "PUT /sellers/me/models/{id}/assets", Map.of("id", id),
                "{\"assetIds\":[\"ast_nope\"]}", null).getStatusCode());

        var headers = Map.of("Idempotency-Key", "k-1");
        var train = call("s-1", "POST /sellers/me/models/{id}/train", Map.of("id", id), null, headers);
        assertEquals(202, train.getStatusCode());
        assertEquals("TRAINING", Json.parse(train.getBody()).path("status").asText());
        assertEquals("Tattoo Style #1", Json.parse(train.getBody()).path("name").asText());
        assertEquals(202, call("s-1", "POST /sellers/me/models/{id}/train", Map.of("id", id), null, headers).getStatusCode());
        assertEquals(1, started.size());

        assertEquals(404, call("s-2", "GET /sellers/me/models/{id}", Map.of("id", id), null, null).getStatusCode());
        JsonNode list = Json.parse(call("s-1", "GET /sellers/me/models", null, null, null).getBody());
        assertEquals(1, list.path("models").size());
    }

    private static final class MemoryCreations implements CreationStore {
        private final Map<String, Asset> assets = new HashMap<>();
        private final Map<String, Model> models = new HashMap<>();

        public void saveAsset(Asset a) { assets.put(a.sellerId() + "/" + a.id(), a); }
        public Optional<Asset> asset(String s, String id) { return Optional.ofNullable(assets.get(s + "/" + id)); }
        public List<Asset> assets(String s) { return assets.values().stream().filter(a -> a.sellerId().equals(s)).toList(); }
        public boolean createModel(Model m) { return models.putIfAbsent(m.sellerId() + "/" + m.id(), m) == null; }
        public Optional<Model> model(String s, String id) { return Optional.ofNullable(models.get(s + "/" + id)); }
        public List<Model> models(String s) { return models.values().stream().filter(m -> m.sellerId().equals(s)).toList(); }

        public boolean replaceModel(Model updated, Model expected) {
            Model stored = models.get(updated.sellerId() + "/" + updated.id());
            if (stored == null || stored.status() != expected.status() || !Objects.equals(stored.trainingId(), expected.trainingId())) {
                return false;
            }
            models.put(updated.sellerId() + "/" + updated.id(), updated);
            return true;
        }
    }

    private static final class MemoryIdempotency implements IdempotencyStore {
        private final Map<String, String> done = new HashMap<>();

        public Claim claim(String key, Duration inProgressFor) {
            return done.containsKey(key) ? new Claim.AlreadyDone(done.get(key)) : new Claim.Acquired();
        }

        public void complete(String key, String result, Duration keepFor) { done.put(key, result); }

        public void release(String key) { done.remove(key); }
    }
}
