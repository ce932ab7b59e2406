package app.go.adapter.file;

import app.go.support.time.AdjustableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignedFileLinksTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private final SignedFileLinks links = new SignedFileLinks(SECRET, clock, Duration.ofMinutes(5));

    {
        clock.set(Instant.parse("2026-03-08T09:00:00Z"));
    }

    private static String query(String url) {
        assertTrue(url.startsWith(SignedFileLinks.PATH + "?"), url);
        return url.substring(url.indexOf('?') + 1);
    }

    @Test
    @DisplayName("CM-GEN-1 a signed link names the file and is valid until its expiry, then EXPIRED")
    void validUntilExpiry() {
        var link = links.link("finals/s-1/gen_1.png", "gen_1 final.png", "image/png");
        assertEquals(Instant.parse("2026-03-08T09:05:00Z"), link.expiresAt());
        var verified = links.verify(query(link.url()));
        assertEquals(SignedFileLinks.Outcome.VALID, verified.outcome());
        assertEquals("finals/s-1/gen_1.png", verified.key());
        assertEquals("gen_1 final.png", verified.filename());
        assertEquals("image/png", verified.contentType());

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertEquals(SignedFileLinks.Outcome.VALID, links.verify(query(link.url())).outcome());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(SignedFileLinks.Outcome.EXPIRED, links.verify(query(link.url())).outcome());
    }

    @Test
    @DisplayName("CM-GEN-1 a link with any parameter changed, or signed with another secret, is refused")
    void tamperedLinks() {
        String q = query(links.link("finals/s-1/gen_1.png", "gen_1.png", "image/png").url());
        assertEquals(SignedFileLinks.Outcome.BAD_SIGNATURE, links.verify(q.replace("gen_1.png&", "gen_2.png&")).outcome());
        assertEquals(SignedFileLinks.Outcome.BAD_SIGNATURE, links.verify(q.replace("image%2Fpng", "text%2Fhtml")).outcome());
        long expires = clock.instant().plusSeconds(300).getEpochSecond();
        assertEquals(SignedFileLinks.Outcome.BAD_SIGNATURE,
                links.verify(q.replace("expires=" + expires, "expires=" + (expires + 3600))).outcome());
        assertEquals(SignedFileLinks.Outcome.BAD_SIGNATURE, links.verify(q.replace("expires=", "expires=x")).outcome());
        assertEquals(SignedFileLinks.Outcome.BAD_SIGNATURE, links.verify(q.substring(0, q.indexOf("&signature"))).outcome());
        assertEquals(SignedFileLinks.Outcome.BAD_SIGNATURE, links.verify("").outcome());

        byte[] other = Arrays.copyOf(SECRET, SECRET.length);
        other[0] ^= 1;
        assertEquals(SignedFileLinks.Outcome.BAD_SIGNATURE,
                new SignedFileLinks(other, clock, Duration.ofMinutes(5)).verify(q).outcome());
    }

    @Test
    @DisplayName("CM-GEN-1 a short secret is refused at start-up")
    void shortSecret() {
        assertThrows(IllegalArgumentException.class, () -> new SignedFileLinks(new byte[16], clock, Duration.ofMinutes(5)));
    }
}
