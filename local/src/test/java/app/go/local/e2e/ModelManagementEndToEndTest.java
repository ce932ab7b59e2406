package app.go.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Managing Creation Models through the local HTTP API: upload, train (the training state machine
 * in the local executor), playground, pricing, visibility, publishing and the active-model limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelManagementEndToEndTest extends LocalSystemTest {
    private static final Duration ASYNC = Duration.ofSeconds(15);
    private static final String SELLER_ID = "s-mm";

    private String seller;
    private String assetId;
    /** Four READY models of the seller, trained in parallel. */
    private final List<String> models = new ArrayList<>();

    ModelManagementEndToEndTest() {
        super("2026-02-10T09:00:00Z");
    }

    @BeforeAll
    void trainModels() {
        seller = api.token(SELLER_ID, "seller");
        eligibleSeller(SELLER_ID, "UTC");
        ok(api.call("PUT", "/sellers/me/services/tattoo", seller, Map.of("title", "Custom tattoo designs",
                "subcategory", "TATTOO",
                "packages", List.of(Map.of("name", "Basic", "priceCents", 6000, "deliveryDays", 3, "revisions", 1)))));

        assetId = ok(api.call("POST", "/sellers/me/assets", seller, Map.of("kind", "IMAGE",
                "contentBase64", Base64.getEncoder().encodeToString(png(32, new Color(180, 30, 60))), "filename", "flash.png",
                "source", "PORTFOLIO", "tags", List.of("fine line"), "ownWorkConfirmed", true))).get("assetId").asText();
        for (int i = 0; i < 4; i++) {
            String id = ok(api.call("POST", "/sellers/me/models", seller, Map.of("subcategory", "TATTOO"))).get("id").asText();
            ok(api.call("PUT", "/sellers/me/models/" + id + "/assets", seller, Map.of("assetIds", List.of(assetId))));
            assertEquals(202, api.call("POST", "/sellers/me/models/" + id + "/train", seller, null).status());
            models.add(id);
        }
        for (String id : models) {
            api.await("/sellers/me/models/" + id, seller, b -> "READY".equals(b.path("status").asText()), ASYNC);
        }
    }

    private static void refused(int status, String code, LocalApiClient.Response response) {
        assertEquals(status, response.status(), response.body().toString());
        assertEquals(code, response.body().path("code").asText(), response.body().toString());
    }

    @Test
    @Order(1)
    @DisplayName("CM-CAT-2 a model of a subcategory none of the seller's services is in is refused (SUBCATEGORY_NOT_OFFERED)")
    void subcategoryFromServices() {
        refused(422, "SUBCATEGORY_NOT_OFFERED", api.call("POST", "/sellers/me/models", seller, Map.of("subcategory", "VOICEOVER")));
    }

    @Test
    @Order(2)
    @DisplayName("CM-TRN-5 a trained model's playground returns a watermarked PNG preview before subscribing (CM-GEN-2)")
    void trainedModelPlayground() throws IOException {
        JsonNode model = ok(api.call("GET", "/sellers/me/models/" + models.get(0), seller, null));
        assertEquals("Tattoo Style #1", model.path("name").asText());
        assertEquals(1, model.path("trainingsLeft").asInt());
        assertFalse(model.path("retrainingRequired").asBoolean(true));

        JsonNode preview = ok(api.call("POST", "/sellers/me/models/" + models.get(0) + "/playground", seller,
                Map.of("prompt", "a swallow with roses"))).path("preview");
        assertEquals("image/png", preview.path("contentType").asText());
        assertTrue(preview.path("watermarked").asBoolean());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(preview.path("contentBase64").asText())));
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
    }

    @Test
    @Order(3)
    @DisplayName("ELIG-3 a seller lowered to level 1 who never subscribed is refused the playground, training and publishing with NOT_ELIGIBLE; the models stay readable")
    void ineligibleSellerNeverSubscribed() {
        String id = models.get(0);
        assertEquals(200, api.call("PUT", "/platform/sellers/" + SELLER_ID, platform,
                Map.of("level", 1, "pro", false, "timezone", "UTC")).status());
        refused(422, "NOT_ELIGIBLE", api.call("POST", "/sellers/me/models/" + id + "/playground", seller, Map.of("prompt", "a swallow")));
        refused(422, "NOT_ELIGIBLE", api.call("POST", "/sellers/me/models/" + id + "/train", seller, null));
        refused(422, "NOT_ELIGIBLE", api.call("POST", "/sellers/me/models/" + id + "/publish", seller, null));
        assertEquals("READY", ok(api.call("GET", "/sellers/me/models/" + id, seller, null)).path("status").asText());
        eligibleSeller(SELLER_ID, "UTC");
    }

    @Test
    @Order(4)
    @DisplayName("CM-PUB-1 publishing is refused without the Creation Model subscription, even when priced and visible (CM-PRC-1, CM-MOD-5)")
    void publishNeedsSubscription() {
        String id = models.get(0);
        JsonNode priced = ok(api.call("PUT", "/sellers/me/models/" + id + "/pricing", seller,
                Map.of("type", "PER_UNIT", "unitPriceCents", 2500)));
        assertEquals(2500, priced.path("pricing").path("unitPriceCents").asLong());
        JsonNode visible = ok(api.call("PUT", "/sellers/me/models/" + id + "/visibility", seller,
                Map.of("onServices", true, "onProfile", true)));
        assertTrue(visible.path("visibility").path("onProfile").asBoolean());
        refused(422, "SUBSCRIPTION_REQUIRED", api.call("POST", "/sellers/me/models/" + id + "/publish", seller, null));
        assertFalse(ok(api.call("GET", "/sellers/me/models/" + id, seller, null)).path("published").asBoolean(true));
    }

    @Test
    @Order(5)
    @DisplayName("CM-MOD-1 three models activate; the fourth is refused with ACTIVE_MODEL_LIMIT until one is deactivated")
    void activeModelLimit() {
        for (int i = 0; i < 3; i++) {
            assertTrue(ok(api.call("POST", "/sellers/me/models/" + models.get(i) + "/activate", seller, null))
                    .path("active").asBoolean());
        }
        refused(422, "ACTIVE_MODEL_LIMIT", api.call("POST", "/sellers/me/models/" + models.get(3) + "/activate", seller, null));
        ok(api.call("POST", "/sellers/me/models/" + models.get(2) + "/deactivate", seller, null));
        ok(api.call("POST", "/sellers/me/models/" + models.get(3) + "/activate", seller, null));
        long active = 0;
        for (JsonNode m : ok(api.call("GET", "/sellers/me/models", seller, null)).path("models")) {
            active += m.path("active").asBoolean() ? 1 : 0;
        }
        assertEquals(3, active);
    }

    @Test
    @Order(6)
    @DisplayName("CM-MOD-4 another seller gets 404 for this seller's model and asset ids")
    void otherSellerSeesNothing() {
        String other = api.token("s-mm-other", "seller");
        String id = models.get(0);
        refused(404, "NOT_FOUND", api.call("GET", "/sellers/me/models/" + id, other, null));
        refused(404, "NOT_FOUND", api.call("POST", "/sellers/me/models/" + id + "/playground", other, Map.of("prompt", "x")));
        refused(404, "NOT_FOUND", api.call("POST", "/sellers/me/models/" + id + "/activate", other, null));
        refused(404, "NOT_FOUND", api.call("PUT", "/sellers/me/assets/" + assetId + "/tags", other, Map.of("tags", List.of())));
    }

    @Test
    @Order(7)
    @DisplayName("CM-PUB-1 with the Creation Model subscription the priced model publishes, and the playground drops the watermark (CM-GEN-2)")
    void publishWhenSubscribed() {
        // billing periods start on whole seconds: a minute later, the trainings above are surely before it
        assertEquals(200, api.call("POST", "/local/clock", null, Map.of("advance", "PT1M")).status());
        ok(api.call("POST", "/sellers/me/subscriptions", seller, Map.of("plan", "CREATION_MODEL",
                "paymentMethod", Map.of("type", "CARD", "token", "tok_visa"), "autoRenewConsent", true)));
        String id = models.get(0);
        assertTrue(ok(api.call("POST", "/sellers/me/models/" + id + "/publish", seller, null)).path("published").asBoolean());
        refused(422, "PRICING_REQUIRED", api.call("POST", "/sellers/me/models/" + models.get(1) + "/publish", seller, null));
        assertFalse(ok(api.call("POST", "/sellers/me/models/" + id + "/playground", seller,
                Map.of("prompt", "a swallow with roses"))).path("preview").path("watermarked").asBoolean(true));
        assertEquals(2, ok(api.call("GET", "/sellers/me/models/" + id, seller, null)).path("trainingsLeft").asInt(),
                "CM-TRN-3: subscribed, 2 retrainings this billing month");
    }

    @Test
    @Order(8)
    @DisplayName("CM-TRN-2 changing a trained model's assets marks it retrainingRequired until it is trained again")
    void retrainingRequired() {
        String id = models.get(1);
        String second = ok(api.call("POST", "/sellers/me/assets", seller, Map.of("kind", "IMAGE",
                // a real image: four PNG magic bytes are refused since issue 10 (ASSET_KIND_MISMATCH)
                "contentBase64", Base64.getEncoder().encodeToString(app.go.testing.TestMedia.png(1024, 1024, java.awt.Color.BLUE)),
                "filename", "x.png",
                "ownWorkConfirmed", true))).get("assetId").asText();
        assertTrue(ok(api.call("PUT", "/sellers/me/models/" + id + "/assets", seller,
                Map.of("assetIds", List.of(assetId, second)))).path("retrainingRequired").asBoolean());
        assertEquals(202, api.call("POST", "/sellers/me/models/" + id + "/train", seller, null).status());
        JsonNode ready = api.await("/sellers/me/models/" + id, seller, b -> "READY".equals(b.path("status").asText()), ASYNC).body();
        assertFalse(ready.path("retrainingRequired").asBoolean(true));
    }
}
