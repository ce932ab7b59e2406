package app.go.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.awt.Color;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client uses a seller's Creation Model through the HTTP API: the seller trains, prices,
 * activates and publishes a model; the client generates (through the generations queue and the
 * GenerateAsset function), buys, approves, downloads, revises once within 24 h of the download on
 * the test clock, reviews; the seller sees the sale but never the file. The tests run in order on
 * one system and one timeline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerationEndToEndTest extends LocalSystemTest {
    private static final Duration ASYNC = Duration.ofSeconds(30);
    private static final String SELLER_ID = "s-gen";
    private static final String CLIENT_ID = "c-gen-1";

    private String seller;
    private String client;
    private String otherClient;
    private String modelId;
    private String revisedOrderId;
    private String plainOrderId;

    GenerationEndToEndTest() {
        super("2026-03-08T09:00:00Z");
    }

    @BeforeAll
    void publishAModel() {
        seller = token(SELLER_ID, "seller");
        client = token(CLIENT_ID, "client");
        otherClient = token("c-gen-2", "client");

        eligibleSeller(SELLER_ID, "Europe/Berlin");
        ok(api.call("PUT", "/sellers/me/services/illustration", seller, Map.of("title", "Book illustrations",
                "subcategory", "ILLUSTRATION",
                "packages", List.of(Map.of("name", "Basic", "priceCents", 4000, "deliveryDays", 3, "revisions", 1)))));
        ok(api.call("POST", "/sellers/me/subscriptions", seller, Map.of("plan", "CREATION_MODEL",
                "paymentMethod", Map.of("type", "CARD", "token", "tok_visa"), "autoRenewConsent", true)));
        String assetId = ok(api.call("POST", "/sellers/me/assets", seller, Map.of("kind", "IMAGE",
                "contentBase64", Base64.getEncoder().encodeToString(png(64, new Color(200, 120, 40))), "filename", "work.png",
                "source", "PORTFOLIO", "ownWorkConfirmed", true))).get("assetId").asText();
        modelId = ok(api.call("POST", "/sellers/me/models", seller, Map.of("subcategory", "ILLUSTRATION"))).get("id").asText();
        ok(api.call("PUT", "/sellers/me/models/" + modelId + "/assets", seller, Map.of("assetIds", List.of(assetId))));
        ok(api.call("POST", "/sellers/me/models/" + modelId + "/train", seller, null));
        api.await("/sellers/me/models/" + modelId, seller, b -> "READY".equals(b.path("status").asText()), ASYNC);
        ok(api.call("PUT", "/sellers/me/models/" + modelId + "/pricing", seller,
                Map.of("type", "PER_UNIT", "unitPriceCents", 1500)));
        ok(api.call("POST", "/sellers/me/models/" + modelId + "/activate", seller, null));
    }

    /** Tokens that outlive the clock moves below. */
    private String token(String sub, String role) {
        return api.call("POST", "/local/tokens", null, Map.of("sub", sub, "role", role, "ttl", "PT720H")).body()
                .get("token").asText();
    }

    private static void refused(int status, String code, LocalApiClient.Response response) {
        assertEquals(status, response.status(), response.body().toString());
        assertEquals(code, response.body().path("code").asText(), response.body().toString());
        assertTrue(response.contentType().startsWith("application/problem+json"));
    }

    private JsonNode readyGeneration(String token, String prompt) {
        LocalApiClient.Response queued = api.call("POST", "/models/" + modelId + "/generations", token,
                Map.of("prompt", prompt, "units", 1));
        assertEquals(202, queued.status(), queued.body().toString());
        String generationId = queued.body().get("generationId").asText();
        return api.await("/generations/" + generationId, token, b -> "READY".equals(b.path("status").asText()), ASYNC).body();
    }

    private String purchase(String token, String generationId) {
        LocalApiClient.Response bought = api.call("POST", "/generations/" + generationId + "/purchase", token,
                Map.of("paymentMethod", Map.of("type", "CARD", "token", "tok_visa")));
        assertEquals(201, bought.status(), bought.body().toString());
        return bought.body().get("orderId").asText();
    }

    @Test
    @Order(1)
    @DisplayName("CM-PUB-1 an unpublished model is invisible to clients (404); once published, a generation is queued")
    void onlyPublishedModels() {
        refused(404, "NOT_FOUND", api.call("POST", "/models/" + modelId + "/generations", client,
                Map.of("prompt", "a fox", "units", 1)));
        ok(api.call("POST", "/sellers/me/models/" + modelId + "/publish", seller, null));
        refused(403, "FORBIDDEN", api.call("POST", "/models/" + modelId + "/generations", seller,
                Map.of("prompt", "a fox", "units", 1)));
    }

    @Test
    @Order(2)
    @DisplayName("CM-GEN-1 CM-PRC-1 the client's generation becomes READY as a watermarked draft at the model's price; the final needs approval and payment")
    void generateBuyApproveDownload() {
        JsonNode generation = readyGeneration(client, "a fox reading a book under a tree");
        assertTrue(generation.get("watermarked").asBoolean());
        assertEquals(1500, generation.at("/price/amountCents").asLong());
        assertEquals("USD", generation.at("/price/currency").asText());
        String generationId = generation.get("generationId").asText();
        JsonNode preview = ok(api.call("GET", generation.get("previewUrl").asText(), client, null));
        assertTrue(preview.get("watermarked").asBoolean());
        assertEquals("image/png", preview.get("contentType").asText());

        revisedOrderId = purchase(client, generationId);
        assertEquals(revisedOrderId, purchase(client, generationId), "a repeated purchase returns the same order");
        refused(409, "NOT_APPROVED_OR_UNPAID", api.call("GET", "/orders/" + revisedOrderId + "/download", client, null));
        refused(404, "NOT_FOUND", api.call("GET", "/orders/" + revisedOrderId + "/download", seller, null));
        refused(404, "NOT_FOUND", api.call("GET", "/orders/" + revisedOrderId + "/download", otherClient, null));

        assertEquals("APPROVED", ok(api.call("POST", "/orders/" + revisedOrderId + "/approve", client, null))
                .get("status").asText());
        JsonNode file = ok(api.call("GET", "/orders/" + revisedOrderId + "/download", client, null));
        assertFalse(file.get("watermarked").asBoolean());
        assertEquals("image/png", file.get("contentType").asText());
        assertTrue(file.get("filename").asText().endsWith(".png"));
        byte[] clean = finalFile(file);
        assertNotEquals(preview.get("contentBase64").asText(), Base64.getEncoder().encodeToString(clean));
    }

    /** The bytes behind a download's signed link, which the client fetches without a token. */
    private byte[] finalFile(JsonNode download) {
        LocalApiClient.Fetched fetched = api.fetch(download.get("url").asText());
        assertEquals(200, fetched.status());
        assertEquals(download.get("contentType").asText(), fetched.contentType());
        return fetched.body();
    }

    @Test
    @Order(3)
    @DisplayName("CM-GEN-1 the final is served by a short-lived signed link: 200 before it expires, 403 LINK_EXPIRED after, 403 LINK_INVALID when changed")
    void finalLinkExpires() {
        JsonNode download = ok(api.call("GET", "/orders/" + revisedOrderId + "/download", client, null));
        String url = download.get("url").asText();
        java.time.Instant expiresAt = java.time.Instant.parse(download.get("expiresAt").asText());
        java.time.Instant now = java.time.Instant.parse(api.call("GET", "/local/clock", null, null).body().get("now").asText());
        assertTrue(expiresAt.isAfter(now) && !expiresAt.isAfter(now.plus(Duration.ofMinutes(15))), "short-lived: " + expiresAt);
        assertTrue(finalFile(download).length > 0);
        LocalApiClient.Fetched tampered = api.fetch(url.replace("expires=", "expires=9"));
        assertEquals(403, tampered.status());
        assertEquals("LINK_INVALID", tampered.problem().path("code").asText());
        assertEquals(200, api.call("POST", "/local/clock", null, Map.of("advance", "PT6M")).status());
        LocalApiClient.Fetched expired = api.fetch(url);
        assertEquals(403, expired.status());
        assertEquals("LINK_EXPIRED", expired.problem().path("code").asText());
    }

    @Test
    @Order(4)
    @DisplayName("CM-GEN-3 CM-ORD-2 one revision within 24 h of the download goes through the queue, a second is refused; the approved revision can be rated")
    void revisionWithinTheWindow() {
        api.call("POST", "/local/clock", null, Map.of("advance", "PT23H"));
        LocalApiClient.Response revision = api.call("POST", "/orders/" + revisedOrderId + "/revision", client,
                Map.of("instructions", "make the fox wear glasses"));
        assertEquals(202, revision.status(), revision.body().toString());
        refused(422, "REVISION_ALREADY_USED", api.call("POST", "/orders/" + revisedOrderId + "/revision", client,
                Map.of("instructions", "and a hat")));

        String revisionId = revision.body().get("generationId").asText();
        JsonNode revised = api.await("/generations/" + revisionId, client, b -> "READY".equals(b.path("status").asText()), ASYNC).body();
        assertEquals(0, revised.at("/price/amountCents").asLong(), "the revision is included in the price");
        refused(409, "NOT_APPROVED_OR_UNPAID", api.call("GET", "/orders/" + revisedOrderId + "/download", client, null));
        ok(api.call("POST", "/orders/" + revisedOrderId + "/approve", client, null));
        ok(api.call("GET", "/orders/" + revisedOrderId + "/download", client, null));
        JsonNode reviewed = ok(api.call("POST", "/orders/" + revisedOrderId + "/review", client, Map.of("rating", 5, "text", "lovely")));
        assertEquals(5, reviewed.get("rating").asInt());
        assertFalse(reviewed.get("countsTowardSellerStats").asBoolean());
    }

    @Test
    @Order(5)
    @DisplayName("CM-GEN-3 CM-ORD-3 CM-ORD-4 after 25 h the revision window is closed; an order accepted without changes cannot be reviewed; no full refund")
    void windowClosedNoReviewNoRefund() {
        JsonNode generation = readyGeneration(client, "a fox reading a book under a tree");
        plainOrderId = purchase(client, generation.get("generationId").asText());
        ok(api.call("POST", "/orders/" + plainOrderId + "/approve", client, null));
        ok(api.call("GET", "/orders/" + plainOrderId + "/download", client, null));
        refused(422, "REVIEW_NOT_ALLOWED", api.call("POST", "/orders/" + plainOrderId + "/review", client, Map.of("rating", 4)));

        api.call("POST", "/local/clock", null, Map.of("advance", "PT25H"));
        refused(422, "REVISION_WINDOW_CLOSED", api.call("POST", "/orders/" + plainOrderId + "/revision", client,
                Map.of("instructions", "bigger")));
        refused(422, "NO_FULL_REFUND_FOR_AI", api.call("POST", "/orders/" + plainOrderId + "/refund", client, null));
    }

    @Test
    @Order(6)
    @DisplayName("CM-GEN-6 exclusivity is not guaranteed: another client generates and buys the same prompt, and owns their own order")
    void samePromptAgain() {
        JsonNode generation = readyGeneration(otherClient, "a fox reading a book under a tree");
        String orderId = purchase(otherClient, generation.get("generationId").asText());
        ok(api.call("POST", "/orders/" + orderId + "/approve", otherClient, null));
        ok(api.call("GET", "/orders/" + orderId + "/download", otherClient, null));
        refused(404, "NOT_FOUND", api.call("GET", "/orders/" + orderId, client, null));
    }

    @Test
    @Order(7)
    @DisplayName("CM-GEN-5 CM-GEN-4 the seller's Creations list the sales without client data; no seller route exposes the file")
    void sellerSeesCreations() {
        JsonNode creations = ok(api.call("GET", "/sellers/me/creations", seller, null));
        String text = creations.toString();
        assertTrue(text.contains(revisedOrderId) && text.contains(plainOrderId), text);
        assertFalse(text.contains(CLIENT_ID), "no client personal data");
        assertFalse(text.contains("contentBase64"));
        for (JsonNode creation : creations.get("creations")) {
            assertEquals(modelId, creation.get("modelId").asText());
            assertFalse(creation.get("countsTowardSellerStats").asBoolean());
        }
        refused(404, "NOT_FOUND", api.call("GET", "/orders/" + plainOrderId, seller, null));
    }

    @Test
    @Order(8)
    @DisplayName("CM-GEN-7 a client reports the model and their generation (201); an unknown or foreign target is 404")
    void reports() {
        JsonNode generation = readyGeneration(client, "a moon");
        assertEquals(201, api.call("POST", "/reports", client, Map.of("targetType", "MODEL", "targetId", modelId,
                "reason", "it copies another artist")).status());
        LocalApiClient.Response report = api.call("POST", "/reports", client, Map.of("targetType", "GENERATION",
                "targetId", generation.get("generationId").asText(), "reason", "broken image"));
        assertEquals(201, report.status(), report.body().toString());
        assertTrue(report.body().get("reportId").asText().startsWith("rep_"));
        refused(404, "NOT_FOUND", api.call("POST", "/reports", otherClient, Map.of("targetType", "GENERATION",
                "targetId", generation.get("generationId").asText(), "reason", "not mine")));
        refused(404, "NOT_FOUND", api.call("POST", "/reports", client, Map.of("targetType", "CONVERSATION",
                "targetId", "conv-unknown", "reason", "spam")));
        refused(400, "VALIDATION_FAILED", api.call("POST", "/reports", client, Map.of("targetType", "SELLER",
                "targetId", "x", "reason", "spam")));
    }

    @Test
    @Order(9)
    @DisplayName("BILL-13 20 simultaneous purchases of one generation, each with another card, make exactly one approved charge (GET /local/payments) and one order")
    void simultaneousPurchasesChargeOnce() throws Exception {
        String generationId = readyGeneration(client, "a lighthouse").get("generationId").asText();
        int buyers = 20;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(buyers);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<LocalApiClient.Response>> responses = new java.util.ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            String card = "tok_visa_buyer_" + i;
            responses.add(pool.submit(() -> {
                go.await();
                return api.call("POST", "/generations/" + generationId + "/purchase", client,
                        Map.of("paymentMethod", Map.of("type", "CARD", "token", card)));
            }));
        }
        go.countDown();
        java.util.Set<String> orders = new java.util.HashSet<>();
        for (java.util.concurrent.Future<LocalApiClient.Response> response : responses) {
            LocalApiClient.Response r = response.get();
            if (r.status() == 201) {
                orders.add(r.body().get("orderId").asText());
            } else {
                refused(409, "PAYMENT_IN_PROGRESS", r);
            }
        }
        pool.shutdown();
        assertEquals(1, orders.size(), orders.toString());
        JsonNode payments = api.call("GET", "/local/payments", null, null).body().get("payments");
        List<JsonNode> charges = java.util.stream.StreamSupport.stream(payments.spliterator(), false)
                .filter(p -> p.get("idempotencyKey").asText().startsWith("order#" + generationId + "#")).toList();
        assertEquals(1, charges.size(), charges.toString());
        assertEquals("approved", charges.get(0).get("outcome").asText());
        assertEquals(1_500, charges.get(0).get("amountCents").asLong());
    }

    @Test
    @Order(10)
    @DisplayName("CM-PRC-1 a generation whose total would pass Pricing.MAX_CENTS is 422 GENERATION_TOTAL_TOO_HIGH, nothing queued")
    void totalAboveMaximum() {
        ok(api.call("PUT", "/sellers/me/models/" + modelId + "/pricing", seller,
                Map.of("type", "PER_UNIT", "unitPriceCents", 10_000_000)));
        refused(422, "GENERATION_TOTAL_TOO_HIGH", api.call("POST", "/models/" + modelId + "/generations", client,
                Map.of("prompt", "a castle", "units", 2)));
        ok(api.call("PUT", "/sellers/me/models/" + modelId + "/pricing", seller,
                Map.of("type", "PER_UNIT", "unitPriceCents", 1500)));
    }

    @Test
    @Order(10)
    @DisplayName("CM-GEN-8 CM-GEN-1 a size outside 320..1024 in steps of 16 is 400 INVALID_SIZE; a valid size gives a preview in its proportions and GET echoes it")
    void requestedSize() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("width", 500, "height", 512),
                Map.of("width", 2048, "height", 1024), Map.of("width", 304, "height", 512))) {
            refused(400, "INVALID_SIZE", api.call("POST", "/models/" + modelId + "/generations", client,
                    Map.of("prompt", "a castle", "units", 1, "size", bad)));
        }
        refused(400, "VALIDATION_FAILED", api.call("POST", "/models/" + modelId + "/generations", client,
                Map.of("prompt", "a castle", "units", 1, "size", "big")));

        LocalApiClient.Response queued = api.call("POST", "/models/" + modelId + "/generations", client,
                Map.of("prompt", "a wide castle", "units", 1, "size", Map.of("width", 640, "height", 480)));
        assertEquals(202, queued.status(), queued.body().toString());
        JsonNode generation = api.await("/generations/" + queued.body().get("generationId").asText(), client,
                b -> "READY".equals(b.path("status").asText()), ASYNC).body();
        assertEquals(640, generation.at("/size/width").asInt(), generation.toString());
        assertEquals(480, generation.at("/size/height").asInt(), generation.toString());
        JsonNode preview = ok(api.call("GET", generation.get("previewUrl").asText(), client, null));
        var image = app.go.domain.creation.Pixels.decode(Base64.getDecoder().decode(preview.get("contentBase64").asText()))
                .orElseThrow();
        assertEquals(512, image.getWidth());
        assertEquals(384, image.getHeight());
    }

    @Test
    @Order(11)
    @DisplayName("CM-MOD-5 GET /sellers/{sellerId}/models lists the published model where the seller shows it; hidden, it is listed nowhere and generating is 409 MODEL_HIDDEN")
    void publicListingHonoursVisibility() {
        String listing = "/sellers/" + SELLER_ID + "/models";
        assertEquals(List.of(modelId), ids(ok(api.call("GET", listing + "?placement=SERVICES", client, null))));
        JsonNode listed = ok(api.call("GET", listing, client, null)).get("models").get(0);
        assertEquals(1500, listed.at("/price/amountCents").asLong());
        assertFalse(listed.has("instructions"), "CM-MOD-4: instructions stay private");

        ok(api.call("PUT", "/sellers/me/models/" + modelId + "/visibility", seller, Map.of("onServices", false, "onProfile", true)));
        assertEquals(List.of(), ids(ok(api.call("GET", listing + "?placement=SERVICES", client, null))));
        assertEquals(List.of(modelId), ids(ok(api.call("GET", listing + "?placement=PROFILE", client, null))));

        ok(api.call("PUT", "/sellers/me/models/" + modelId + "/visibility", seller, Map.of("onServices", false, "onProfile", false)));
        assertEquals(List.of(), ids(ok(api.call("GET", listing, client, null))));
        refused(409, "MODEL_HIDDEN", api.call("POST", "/models/" + modelId + "/generations", client,
                Map.of("prompt", "a castle", "units", 1)));
        refused(400, "VALIDATION_FAILED", api.call("GET", listing + "?placement=EVERYWHERE", client, null));
        ok(api.call("PUT", "/sellers/me/models/" + modelId + "/visibility", seller, Map.of("onServices", true, "onProfile", true)));
    }

    private static List<String> ids(JsonNode listing) {
        List<String> ids = new java.util.ArrayList<>();
        listing.get("models").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    @Test
    @Order(12)
    @DisplayName("CM-GEN-3 contact the seller from a generation: the conversation carries the generation id, which the seller sees in the inbox and the messages; another client's generation is 404")
    void contactTheSellerFromAGeneration() {
        String generationId = readyGeneration(client, "a lighthouse at dusk").get("generationId").asText();
        LocalApiClient.Response opened = api.call("POST", "/generations/" + generationId + "/contact-seller", client,
                Map.of("text", "Could you make the sky more orange?"));
        assertEquals(201, opened.status(), opened.body().toString());
        assertEquals(generationId, opened.body().get("generationId").asText());
        String conversationId = opened.body().get("conversationId").asText();

        JsonNode inbox = ok(api.call("GET", "/sellers/me/inbox", seller, null));
        boolean listed = false;
        for (JsonNode c : inbox.get("conversations")) {
            listed |= conversationId.equals(c.path("conversationId").asText()) && generationId.equals(c.path("generationId").asText());
        }
        assertTrue(listed, inbox.toString());
        assertEquals(generationId, ok(api.call("GET", "/conversations/" + conversationId + "/messages", seller, null))
                .get("generationId").asText());
        refused(404, "NOT_FOUND", api.call("POST", "/generations/" + generationId + "/contact-seller", otherClient,
                Map.of("text", "hello")));
        refused(404, "NOT_FOUND", api.call("POST", "/generations/" + generationId + "/contact-seller", seller,
                Map.of("text", "hello")));
    }

    @Test
    @Order(13)
    @DisplayName("PA-BEH-9 feedback on a generated asset: the client's thumbs down with a comment is stored and the seller sees it under the model")
    void feedbackOnAGeneratedAsset() {
        String generationId = readyGeneration(client, "a red rose with thorns").get("generationId").asText();
        LocalApiClient.Response given = api.call("POST", "/generations/" + generationId + "/feedback", client,
                Map.of("rating", "DOWN", "comment", "no thorns"));
        assertEquals(201, given.status(), given.body().toString());
        JsonNode mine = null;
        for (JsonNode f : ok(api.call("GET", "/sellers/me/models/" + modelId + "/feedback", seller, null)).get("feedback")) {
            mine = generationId.equals(f.path("generationId").asText()) ? f : mine;
        }
        assertEquals("DOWN", mine.get("rating").asText());
        assertEquals("no thorns", mine.get("comment").asText());
        assertFalse(mine.has("clientId"));
        refused(400, "VALIDATION_FAILED", api.call("POST", "/generations/" + generationId + "/feedback", client,
                Map.of("rating", "SIDEWAYS")));
        refused(404, "NOT_FOUND", api.call("POST", "/generations/" + generationId + "/feedback", otherClient,
                Map.of("rating", "UP")));
    }

    @Test
    @Order(14)
    @DisplayName("BILL-6 once the Creation Model subscription has ended, training is 422 SUBSCRIPTION_ENDED and clients can no longer generate; the model stays readable")
    void subscriptionEnded() {
        JsonNode subscription = ok(api.call("POST", "/sellers/me/subscriptions/CREATION_MODEL/cancel", seller, null)).get("subscription");
        clockAt(java.time.Instant.parse(subscription.get("currentPeriodEnd").asText()).plusSeconds(60).toString());
        seller = token(SELLER_ID, "seller");
        client = token(CLIENT_ID, "client");
        platform = api.token("marketplace", "platform");
        ok(api.call("POST", "/platform/billing/run", platform, null));
        api.await("/sellers/me/subscriptions", seller, b -> b.toString().contains("\"status\":\"ENDED\""), ASYNC);
        refused(422, "SUBSCRIPTION_ENDED", api.call("POST", "/sellers/me/models/" + modelId + "/train", seller, null));
        refused(409, "MODEL_NOT_AVAILABLE", api.call("POST", "/models/" + modelId + "/generations", client,
                Map.of("prompt", "a castle", "units", 1)));
        assertEquals("READY", ok(api.call("GET", "/sellers/me/models/" + modelId, seller, null)).get("status").asText());
    }

    @Test
    @Order(15)
    @DisplayName("ELIG-3 a seller lowered to level 1: the playground, training and publishing are 422 NOT_ELIGIBLE, clients get 409 MODEL_NOT_AVAILABLE, the model stays readable")
    void sellerNoLongerEligible() {
        assertEquals(200, api.call("PUT", "/platform/sellers/" + SELLER_ID, platform,
                Map.of("level", 1, "pro", false, "timezone", "Europe/Berlin")).status());
        refused(422, "NOT_ELIGIBLE", api.call("POST", "/sellers/me/models/" + modelId + "/playground", seller, Map.of("prompt", "a castle")));
        refused(422, "NOT_ELIGIBLE", api.call("POST", "/sellers/me/models/" + modelId + "/train", seller, null));
        refused(422, "NOT_ELIGIBLE", api.call("POST", "/sellers/me/models/" + modelId + "/publish", seller, null));
        refused(409, "MODEL_NOT_AVAILABLE", api.call("POST", "/models/" + modelId + "/generations", client,
                Map.of("prompt", "a castle", "units", 1)));
        assertEquals("READY", ok(api.call("GET", "/sellers/me/models/" + modelId, seller, null)).get("status").asText());
    }
}
