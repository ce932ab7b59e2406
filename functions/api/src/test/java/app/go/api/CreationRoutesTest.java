package app.go.api;

import app.go.adapter.media.JdkMediaInspector;
import app.go.domain.port.StyleDescriber;

import app.go.domain.creation.CreationPlan;
import app.go.domain.creation.CreationService;
import app.go.domain.creation.Model;
import app.go.domain.creation.ModelManagement;
import app.go.domain.creation.Subcategories;
import app.go.domain.creation.TrainingPipeline;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerService;
import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.support.json.Json;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingWorkflowStarter;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreationRoutesTest {
    private final RecordingWorkflowStarter workflows = new RecordingWorkflowStarter();
    private final InMemoryCreationStore creations = new InMemoryCreationStore();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final HttpApiHandler api;

    private final InMemorySellerStore sellers = new InMemorySellerStore();

    CreationRoutesTest() {
        for (String seller : List.of("s-1", "s-2", "s-low")) {
            sellers.saveAccount(new SellerAccount(seller, "s-low".equals(seller) ? 1 : 2, false, "UTC", false));
            sellers.saveService(seller, new SellerService("logo", "Tattoo designs", null, "Tattoo", List.of(), List.of()));
            sellers.saveService(seller, new SellerService("voice", "Voice-overs", null, "VOICEOVER", List.of(), List.of()));
            sellers.saveService(seller, new SellerService("words", "Copywriting", null, "writing_translation", List.of(), List.of()));
        }
        var service = new CreationService(creations, sellers, blobs, workflows, Subcategories.standard(), new JdkMediaInspector(), Clock.systemUTC());
        var management = new ModelManagement(creations, sellers, blobs, new OfflineAssetGenerator(), Subcategories.standard(),
                CreationPlan.Lookup.none(), Clock.systemUTC());
        Map<String, Route> routes = new HashMap<>();
        new CreationRoutes(service, management, new InMemoryIdempotencyStore()).register(routes);
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
    @DisplayName("CM-AST-6 PUT /sellers/me/models/{id}/assets is 503 TEXT_CHECK_UNAVAILABLE (problem+json) while the image text check does not answer")
    void textCheckOutageIs503() {
        app.go.domain.port.TextInImageDetector down = (image, measured) -> {
            throw new app.go.domain.port.TextInImageDetector.Unavailable("DetectText failed (ThrottlingException)", null);
        };
        var service = new CreationService(creations, sellers, blobs, workflows, Subcategories.standard(), new JdkMediaInspector(),
                down, CreationPlan.Lookup.none(), Clock.systemUTC());
        var management = new ModelManagement(creations, sellers, blobs, new OfflineAssetGenerator(), Subcategories.standard(),
                CreationPlan.Lookup.none(), Clock.systemUTC());
        Map<String, Route> routes = new HashMap<>();
        new CreationRoutes(service, management, new InMemoryIdempotencyStore()).register(routes);
        HttpApiHandler failing = new HttpApiHandler(routes);
        java.util.function.BiFunction<String, String, APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder> event = (key, body) ->
                APIGatewayV2HTTPEvent.builder().withRouteKey(key).withBody(body)
                        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                                .withClaims(Map.of("sub", "s-1", "role", "seller")).build()).build()).build());
        String png = Base64.getEncoder().encodeToString(app.go.testing.TestMedia.png(1024, 1024, java.awt.Color.RED));
        var uploaded = failing.handleRequest(event.apply("POST /sellers/me/assets", "{\"kind\":\"IMAGE\",\"contentBase64\":\""
                + png + "\",\"filename\":\"a.png\",\"ownWorkConfirmed\":true}").build(), null);
        assertEquals(201, uploaded.getStatusCode(), "the upload itself does not wait for the text check");
        String id = Json.parse(failing.handleRequest(event.apply("POST /sellers/me/models", "{\"subcategory\":\"TATTOO\"}").build(),
                null).getBody()).path("id").asText();

        var set = failing.handleRequest(event.apply("PUT /sellers/me/models/{id}/assets", "{\"all\":true}")
                .withPathParameters(Map.of("id", id)).build(), null);

        assertEquals(503, set.getStatusCode(), set.getBody());
        assertEquals("TEXT_CHECK_UNAVAILABLE", Json.parse(set.getBody()).path("code").asText());
        assertTrue(set.getHeaders().getOrDefault("Content-Type", set.getHeaders().getOrDefault("content-type", ""))
                .contains("problem+json"), set.getHeaders().toString());
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
        // text bytes labelled IMAGE are refused (issue 10: bytes that are not what kind says)
        assertEquals(422, call("s-1", "POST /sellers/me/assets", null,
                upload(true).replace("TEXT", "IMAGE").replace("a.txt", "a.png"), null).getStatusCode());
        String png = Base64.getEncoder().encodeToString(app.go.testing.TestMedia.png(1024, 1024, java.awt.Color.RED));
        String assetId = Json.parse(call("s-1", "POST /sellers/me/assets", null, upload(true).replace("TEXT", "IMAGE")
                .replace("a.txt", "a.png").replaceFirst("\"contentBase64\":\"[^\"]*\"", "\"contentBase64\":\"" + png + "\""),
                null).getBody()).path("assetId").asText();
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
        assertTrue(Json.parse(set.getBody()).path("warnings").toString().contains("10 to 50"), "CM-AST-6 at once: " + set.getBody());
        assertEquals(0, Json.parse(set.getBody()).path("assetErrors").size());
        assertEquals(404, call("s-1", "PUT /sellers/me/models/{id}/assets", Map.of("id", id),
                "{\"assetIds\":[\"ast_nope\"]}", null).getStatusCode());

        var headers = Map.of("Idempotency-Key", "k-1");
        var train = call("s-1", "POST /sellers/me/models/{id}/train", Map.of("id", id), null, headers);
        assertEquals(202, train.getStatusCode());
        assertEquals("TRAINING", Json.parse(train.getBody()).path("status").asText());
        assertEquals("Tattoo Style #1", Json.parse(train.getBody()).path("name").asText());
        assertEquals(202, call("s-1", "POST /sellers/me/models/{id}/train", Map.of("id", id), null, headers).getStatusCode());
        assertEquals(1, workflows.started().size());

        assertEquals(404, call("s-2", "GET /sellers/me/models/{id}", Map.of("id", id), null, null).getStatusCode());
        JsonNode list = Json.parse(call("s-1", "GET /sellers/me/models", null, null, null).getBody());
        assertEquals(1, list.path("models").size());
    }

    private String readyModel(String seller) {
        String id = Json.parse(call(seller, "POST /sellers/me/models", null, "{\"subcategory\":\"TATTOO\"}", null).getBody())
                .path("id").asText();
        markReady(seller, id);
        blobs.put(TrainingPipeline.profileKey(seller, id, "trn_1"),
                "{\"style\":{\"meanRgb\":[10,200,30],\"meanAspect\":1.0}}".getBytes(StandardCharsets.UTF_8), "application/json");
        return id;
    }

    /** Makes a model READY as a finished training would. */
    private void markReady(String seller, String id) {
        Model m = creations.model(seller, id).orElseThrow();
        creations.put(m.training("trn_1", "Tattoo Style #1", m.updatedAt()).ready(m.updatedAt()));
    }

    private static String code(APIGatewayV2HTTPResponse response) {
        return Json.parse(response.getBody()).path("code").asText();
    }

    @Test
    @DisplayName("CM-CAT-2 a model's subcategory must be one of the seller's services' subcategories (422 SUBCATEGORY_NOT_OFFERED)")
    void subcategoryFromServices() {
        var refused = call("s-1", "POST /sellers/me/models", null, "{\"subcategory\":\"ILLUSTRATION\"}", null);
        assertEquals(422, refused.getStatusCode());
        assertEquals("SUBCATEGORY_NOT_OFFERED", code(refused));
        // the services say "Tattoo" (label) and "writing_translation" (id, other case): both match
        assertEquals(201, call("s-1", "POST /sellers/me/models", null, "{\"subcategory\":\"TATTOO\"}", null).getStatusCode());
        assertEquals(201, call("s-1", "POST /sellers/me/models", null, "{\"subcategory\":\"WRITING_TRANSLATION\"}", null)
                .getStatusCode());
    }

    @Test
    @DisplayName("CM-MOD-4 another seller's model or asset id is 404 on every model route")
    void foreignIdsAreNotFound() {
        String id = readyModel("s-1");
        String assetId = Json.parse(call("s-1", "POST /sellers/me/assets", null, upload(true), null).getBody())
                .path("assetId").asText();
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("GET /sellers/me/models/{id}", null);
        bodies.put("PUT /sellers/me/models/{id}/assets", "{\"all\":true}");
        bodies.put("POST /sellers/me/models/{id}/train", null);
        bodies.put("POST /sellers/me/models/{id}/activate", null);
        bodies.put("POST /sellers/me/models/{id}/deactivate", null);
        bodies.put("PUT /sellers/me/models/{id}/visibility", "{\"onServices\":false,\"onProfile\":false}");
        bodies.put("PUT /sellers/me/models/{id}/pricing", "{\"type\":\"PER_UNIT\",\"unitPriceCents\":500}");
        bodies.put("PUT /sellers/me/models/{id}/instructions", "{\"text\":\"short and warm\"}");
        bodies.put("POST /sellers/me/models/{id}/publish", null);
        bodies.put("POST /sellers/me/models/{id}/playground", "{\"prompt\":\"a rose\"}");
        bodies.forEach((route, body) -> assertEquals(404, call("s-2", route, Map.of("id", id), body, null).getStatusCode(), route));
        assertEquals(404, call("s-2", "PUT /sellers/me/assets/{assetId}/tags", Map.of("assetId", assetId),
                "{\"tags\":[\"mine now\"]}", null).getStatusCode());
        assertEquals(Set.of(), creations.activeModelIds("s-2"));
        JsonNode untouched = Json.parse(call("s-1", "GET /sellers/me/models/{id}", Map.of("id", id), null, null).getBody());
        assertEquals(true, untouched.path("visibility").path("onServices").asBoolean(false));
        assertTrue(untouched.path("pricing").isNull());
    }

    @Test
    @DisplayName("CM-MOD-5 PUT visibility sets where clients see the model; both flags are required")
    void visibility() {
        String id = readyModel("s-1");
        var set = call("s-1", "PUT /sellers/me/models/{id}/visibility", Map.of("id", id),
                "{\"onServices\":true,\"onProfile\":false}", null);
        assertEquals(200, set.getStatusCode());
        JsonNode model = Json.parse(call("s-1", "GET /sellers/me/models/{id}", Map.of("id", id), null, null).getBody());
        assertEquals(true, model.path("visibility").path("onServices").asBoolean());
        assertEquals(false, model.path("visibility").path("onProfile").asBoolean(true));
        assertEquals("READY", model.path("status").asText(), "a settings write leaves the training state alone");
        assertEquals(400, call("s-1", "PUT /sellers/me/models/{id}/visibility", Map.of("id", id),
                "{\"onServices\":true}", null).getStatusCode());
    }

    @Test
    @DisplayName("CM-PRC-2 PUT pricing takes PER_UNIT or BASE_PLUS_INCREMENT; an image model is priced per unit; bad input is 400")
    void pricing() {
        String id = readyModel("s-1");
        var perUnit = call("s-1", "PUT /sellers/me/models/{id}/pricing", Map.of("id", id),
                "{\"type\":\"PER_UNIT\",\"unitPriceCents\":2500}", null);
        assertEquals(200, perUnit.getStatusCode());
        JsonNode pricing = Json.parse(perUnit.getBody()).path("pricing");
        assertEquals("PER_UNIT", pricing.path("type").asText());
        assertEquals(2500, pricing.path("unitPriceCents").asLong());
        assertEquals(400, call("s-1", "PUT /sellers/me/models/{id}/pricing", Map.of("id", id),
                "{\"type\":\"BASE_PLUS_INCREMENT\",\"basePriceCents\":1000,\"baseUnits\":30,\"incrementPriceCents\":200,"
                        + "\"incrementUnits\":10,\"unit\":\"SECONDS\"}", null).getStatusCode());
        assertEquals(400, call("s-1", "PUT /sellers/me/models/{id}/pricing", Map.of("id", id),
                "{\"type\":\"PER_UNIT\",\"unitPriceCents\":0}", null).getStatusCode());
        assertEquals(400, call("s-1", "PUT /sellers/me/models/{id}/pricing", Map.of("id", id),
                "{\"type\":\"FREE\"}", null).getStatusCode());

        String voice = Json.parse(call("s-1", "POST /sellers/me/models", null, "{\"subcategory\":\"VOICEOVER\"}", null)
                .getBody()).path("id").asText();
        var increments = call("s-1", "PUT /sellers/me/models/{id}/pricing", Map.of("id", voice),
                "{\"type\":\"BASE_PLUS_INCREMENT\",\"basePriceCents\":1000,\"baseUnits\":30,\"incrementPriceCents\":200,"
                        + "\"incrementUnits\":10,\"unit\":\"SECONDS\"}", null);
        assertEquals(200, increments.getStatusCode());
        assertEquals("SECONDS", Json.parse(increments.getBody()).path("pricing").path("unit").asText());
        assertEquals(400, call("s-1", "PUT /sellers/me/models/{id}/pricing", Map.of("id", voice),
                "{\"type\":\"BASE_PLUS_INCREMENT\",\"basePriceCents\":1000,\"baseUnits\":30,\"incrementPriceCents\":200,"
                        + "\"incrementUnits\":10,\"unit\":\"WORDS\"}", null).getStatusCode());
    }

    @Test
    @DisplayName("CM-AST-5 PUT tags adds and removes an asset's tags; more than 20 tags or a tag over 40 characters is 400")
    void tags() {
        String assetId = Json.parse(call("s-1", "POST /sellers/me/assets", null, upload(true), null).getBody())
                .path("assetId").asText();
        var tagged = call("s-1", "PUT /sellers/me/assets/{assetId}/tags", Map.of("assetId", assetId),
                "{\"tags\":[\"warm\",\"narration\",\"Warm\",\" british accent \"]}", null);
        assertEquals(200, tagged.getStatusCode());
        assertEquals(List.of("warm", "narration", "british accent"),
                Json.convert(Json.parse(tagged.getBody()).path("tags"), List.class));
        var removed = call("s-1", "PUT /sellers/me/assets/{assetId}/tags", Map.of("assetId", assetId),
                "{\"tags\":[\"narration\"]}", null);
        assertEquals(List.of("narration"), Json.convert(Json.parse(removed.getBody()).path("tags"), List.class));
        String many = String.join(",", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "\"t" + i + "\"").toList());
        assertEquals(400, call("s-1", "PUT /sellers/me/assets/{assetId}/tags", Map.of("assetId", assetId),
                "{\"tags\":[" + many + "]}", null).getStatusCode());
        assertEquals(400, call("s-1", "PUT /sellers/me/assets/{assetId}/tags", Map.of("assetId", assetId),
                "{\"tags\":[\"" + "x".repeat(41) + "\"]}", null).getStatusCode());
        assertEquals(400, call("s-1", "PUT /sellers/me/assets/{assetId}/tags", Map.of("assetId", assetId), "{}", null)
                .getStatusCode());
    }

    @Test
    @DisplayName("CM-MOD-1 only READY models activate (422 MODEL_NOT_READY); a 4th active model is 422 ACTIVE_MODEL_LIMIT")
    void activation() {
        String draft = Json.parse(call("s-1", "POST /sellers/me/models", null, "{\"subcategory\":\"TATTOO\"}", null).getBody())
                .path("id").asText();
        var notReady = call("s-1", "POST /sellers/me/models/{id}/activate", Map.of("id", draft), null, null);
        assertEquals(422, notReady.getStatusCode());
        assertEquals("MODEL_NOT_READY", code(notReady));
        List<String> ids = List.of(readyModel("s-1"), readyModel("s-1"), readyModel("s-1"), readyModel("s-1"));
        for (int i = 0; i < 3; i++) {
            var ok = call("s-1", "POST /sellers/me/models/{id}/activate", Map.of("id", ids.get(i)), null, null);
            assertEquals(200, ok.getStatusCode());
            assertTrue(Json.parse(ok.getBody()).path("active").asBoolean());
        }
        var fourth = call("s-1", "POST /sellers/me/models/{id}/activate", Map.of("id", ids.get(3)), null, null);
        assertEquals(422, fourth.getStatusCode());
        assertEquals("ACTIVE_MODEL_LIMIT", code(fourth));
        assertEquals(200, call("s-1", "POST /sellers/me/models/{id}/activate", Map.of("id", ids.get(0)), null, null)
                .getStatusCode(), "activating an active model again is fine");
        var off = call("s-1", "POST /sellers/me/models/{id}/deactivate", Map.of("id", ids.get(0)), null, null);
        assertEquals(false, Json.parse(off.getBody()).path("active").asBoolean(true));
        assertEquals(200, call("s-1", "POST /sellers/me/models/{id}/activate", Map.of("id", ids.get(3)), null, null)
                .getStatusCode());
        JsonNode list = Json.parse(call("s-1", "GET /sellers/me/models", null, null, null).getBody());
        long active = 0;
        for (JsonNode m : list.path("models")) {
            active += m.path("active").asBoolean() ? 1 : 0;
        }
        assertEquals(3, active);
    }

    @Test
    @DisplayName("CM-TRN-5 the playground previews a READY model from its style profile, watermarked when not subscribed (CM-GEN-2)")
    void playground() throws Exception {
        String id = readyModel("s-1");
        var preview = call("s-1", "POST /sellers/me/models/{id}/playground", Map.of("id", id), "{\"prompt\":\"a rose\"}", null);
        assertEquals(200, preview.getStatusCode());
        JsonNode p = Json.parse(preview.getBody()).path("preview");
        assertEquals("IMAGE", p.path("kind").asText());
        assertEquals("image/png", p.path("contentType").asText());
        assertTrue(p.path("watermarked").asBoolean());
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(p.path("contentBase64").asText())));
        assertTrue(image.getWidth() > 0);
        assertEquals(400, call("s-1", "POST /sellers/me/models/{id}/playground", Map.of("id", id), "{}", null).getStatusCode());
        String draft = Json.parse(call("s-1", "POST /sellers/me/models", null, "{\"subcategory\":\"TATTOO\"}", null).getBody())
                .path("id").asText();
        assertEquals("MODEL_NOT_READY", code(call("s-1", "POST /sellers/me/models/{id}/playground", Map.of("id", draft),
                "{\"prompt\":\"a rose\"}", null)));
    }

    @Test
    @DisplayName("CM-PUB-1 publishing without the Creation Model subscription is 422 SUBSCRIPTION_REQUIRED")
    void publishNeedsSubscription() {
        String id = readyModel("s-1");
        var refused = call("s-1", "POST /sellers/me/models/{id}/publish", Map.of("id", id), null, null);
        assertEquals(422, refused.getStatusCode());
        assertEquals("SUBSCRIPTION_REQUIRED", code(refused));
    }
}
