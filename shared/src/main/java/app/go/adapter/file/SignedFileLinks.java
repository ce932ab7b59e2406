package app.go.adapter.file;

import app.go.domain.port.FileLinks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local runtime's equivalent of an S3 pre-signed URL: {@code /local/files?key&filename&type&expires&signature}
 * where the signature is an HMAC-SHA256 over every other parameter. {@link #verify} is what the local
 * runtime checks before serving the file: a changed parameter or a passed expiry is refused.
 */
public final class SignedFileLinks implements FileLinks {
    public static final String PATH = "/local/files";

    private final byte[] secret;
    private final Clock clock;
    private final Duration ttl;

    public SignedFileLinks(byte[] secret, Clock clock, Duration ttl) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the link secret must have at least 32 bytes");
        }
        this.secret = secret.clone();
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Link link(String key, String filename, String contentType) {
        Instant expiresAt = clock.instant().plus(ttl);
        long expires = expiresAt.getEpochSecond();
        String query = "key=" + encode(key) + "&filename=" + encode(filename) + "&type=" + encode(contentType)
                + "&expires=" + expires + "&signature=" + sign(key, filename, contentType, expires);
        return new Link(PATH + "?" + query, Instant.ofEpochSecond(expires));
    }

    /** What a valid link names; the outcome says why an invalid one is refused. */
    public record Verified(Outcome outcome, String key, String filename, String contentType) {}

    public enum Outcome { VALID, EXPIRED, BAD_SIGNATURE }

    public Verified verify(String rawQuery) {
        Map<String, String> params = parse(rawQuery);
        String key = params.getOrDefault("key", "");
        String filename = params.getOrDefault("filename", "");
        String type = params.getOrDefault("type", "");
        long expires;
        try {
            expires = Long.parseLong(params.getOrDefault("expires", ""));
        } catch (NumberFormatException e) {
            return new Verified(Outcome.BAD_SIGNATURE, key, filename, type);
        }
        byte[] expected = sign(key, filename, type, expires).getBytes(StandardCharsets.US_ASCII);
        byte[] given = params.getOrDefault("signature", "").getBytes(StandardCharsets.US_ASCII);
        if (key.isEmpty() || !MessageDigest.isEqual(expected, given)) {
            return new Verified(Outcome.BAD_SIGNATURE, key, filename, type);
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
            return new Verified(Outcome.EXPIRED, key, filename, type);
        }
        return new Verified(Outcome.VALID, key, filename, type);
    }

    private String sign(String key, String filename, String contentType, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            // the separator cannot occur in an encoded value, so no two parameter sets sign alike
            String canonical = encode(key) + "\n" + encode(filename) + "\n" + encode(contentType) + "\n" + expires;
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
