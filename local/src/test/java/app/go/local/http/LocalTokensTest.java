package app.go.local.http;

import app.go.support.time.AdjustableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalTokensTest {
    private static final Instant START = Instant.parse("2026-03-08T00:00:00Z");

    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final LocalTokens tokens = new LocalTokens("a-local-secret-of-reasonable-length", clock);

    @Test
    @DisplayName("a minted token verifies and yields sub, role, iss, aud, iat, exp and extra claims as strings")
    void roundTrip() {
        String token = tokens.mint("s-1", "seller", Map.of("email", "s1@example.com"));

        Map<String, String> claims = tokens.verify(token);

        assertEquals("s-1", claims.get("sub"));
        assertEquals("seller", claims.get("role"));
        assertEquals("go-local", claims.get("iss"));
        assertEquals("go", claims.get("aud"));
        assertEquals(String.valueOf(START.getEpochSecond()), claims.get("iat"));
        assertEquals(String.valueOf(START.plus(Duration.ofHours(12)).getEpochSecond()), claims.get("exp"));
        assertEquals("s1@example.com", claims.get("email"));
    }

    @Test
    @DisplayName("the token is three base64url parts without padding and its header names HS256")
    void format() {
        String[] parts = tokens.mint("s-1", "seller").split("\\.");

        assertEquals(3, parts.length);
        for (String part : parts) {
            assertTrue(part.matches("[A-Za-z0-9_-]+"), part);
        }
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", header);
    }

    @Test
    @DisplayName("a token whose payload was changed after signing is refused as a bad signature")
    void tamperedPayloadRejected() {
        String[] parts = tokens.mint("s-1", "client").split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"client\"", "\"platform\"").getBytes(StandardCharsets.UTF_8));

        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> tokens.verify(parts[0] + "." + forgedPayload + "." + parts[2]));
        assertEquals("bad signature", e.getMessage());
    }

    @Test
    @DisplayName("a token signed with another secret is refused as a bad signature")
    void otherSecretRejected() {
        String foreign = new LocalTokens("another-secret", clock).mint("s-1", "seller");

        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(foreign));
        assertEquals("bad signature", e.getMessage());
    }

    @Test
    @DisplayName("moving the test clock to the expiry time makes the token expired")
    void expiredByTheClock() {
        String token = tokens.mint("s-1", "seller", Map.of(), Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(59));
        tokens.verify(token);

        clock.advance(Duration.ofMinutes(1));

        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(token));
        assertTrue(e.getMessage().startsWith("token expired"), e.getMessage());
    }

    @Test
    @DisplayName("garbage, a two-part token and alg none are refused with a reason")
    void malformedRejected() {
        assertTrue(assertThrows(InvalidTokenException.class, () -> tokens.verify("not-a-jwt"))
                .getMessage().startsWith("malformed"));
        assertTrue(assertThrows(InvalidTokenException.class, () -> tokens.verify("a.b"))
                .getMessage().startsWith("malformed"));
        assertTrue(assertThrows(InvalidTokenException.class, () -> tokens.verify("%%%.e30.sig"))
                .getMessage().startsWith("malformed"));

        String[] parts = tokens.mint("s-1", "seller").split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(InvalidTokenException.class, () -> tokens.verify(none + "." + parts[1] + "."))
                .getMessage().contains("alg"));
    }

    @Test
    @DisplayName("extra claims may not replace the token's own claims")
    void reservedClaimsRefused() {
        assertThrows(IllegalArgumentException.class, () -> tokens.mint("s-1", "seller", Map.of("role", "platform")));
    }
}
