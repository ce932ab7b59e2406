package app.go.local.e2e;

import app.go.local.GoLocal;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.awt.Color;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One {@link GoLocal} per end-to-end test class, its test clock set to a given instant, and the
 * seller setup the end-to-end tests share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LocalSystemTest {
    static final Map<String, String> MOBILE = Map.of("X-Client-Platform", "mobile");

    private final String startsAt;
    GoLocal local;
    LocalApiClient api;
    /** The marketplace's token, minted once the clock is set. */
    String platform;

    /** @param startsAt where the test clock starts (ISO-8601 instant) */
    LocalSystemTest(String startsAt) {
        this.startsAt = startsAt;
    }

    @BeforeAll
    final void startLocalSystem() {
        local = GoLocal.start(new GoLocal.Options(0, null));
        api = new LocalApiClient(local.uri());
        clockAt(startsAt);
        platform = api.token("marketplace", "platform");
    }

    @AfterAll
    final void stopLocalSystem() {
        if (local != null) {
            local.close();
        }
    }

    void clockAt(String at) {
        assertEquals(200, api.call("POST", "/local/clock", null, Map.of("at", at)).status());
    }

    /** The marketplace makes the seller eligible: level 2, not Pro. */
    void eligibleSeller(String sellerId, String timezone) {
        assertEquals(200, api.call("PUT", "/platform/sellers/" + sellerId, platform,
                Map.of("level", 2, "pro", false, "timezone", timezone)).status());
    }

    /**
     * An eligible seller (Europe/Berlin) with this profile and this service as {@code logo}, subscribed
     * to the assistant; returns the seller's token.
     */
    String assistantSeller(String sellerId, Map<String, Object> profile, Map<String, Object> logoService) {
        String token = api.token(sellerId, "seller");
        eligibleSeller(sellerId, "Europe/Berlin");
        assertEquals(200, api.call("PUT", "/sellers/me/profile", token, profile).status());
        assertEquals(200, api.call("PUT", "/sellers/me/services/logo", token, logoService).status());
        api.subscribeToAssistant(token);
        return token;
    }

    void activateAssistant(String sellerToken) {
        LocalApiClient.Response activated = api.call("POST", "/sellers/me/assistant/activate", sellerToken, null, MOBILE);
        assertEquals(200, activated.status(), activated.body().toString());
    }

    /** A one-colour square PNG, as a seller's portfolio image. */
    static byte[] png(int size, Color colour) {
        return app.go.testing.TestMedia.png(size, size, colour);
    }

    static JsonNode ok(LocalApiClient.Response response) {
        assertTrue(response.status() >= 200 && response.status() < 300, response.status() + " " + response.body());
        return response.body();
    }
}
