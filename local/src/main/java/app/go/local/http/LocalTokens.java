package app.go.local.http;

import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Mints and verifies the local runtime's HS256 JWTs, standing in for Cognito and API Gateway's JWT
 * authorizer. Expiry is judged by the injected clock, so moving the test clock expires tokens as
 * real time would.
 */
public final class LocalTokens {
    public static final String ISSUER = "go-local";
    public static final String AUDIENCE = "go";
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    /** Claims every token carries; extra claims may not replace them. */
    public static final Set<String> RESERVED_CLAIMS = Set.of("sub", "role", "iss", "aud", "iat", "exp");

    private static final String ALGORITHM = "HS256";
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public LocalTokens(byte[] secret, Clock clock) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the token secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.clone(), MAC_ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LocalTokens(String secret, Clock clock) {
        this(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8), clock);
    }

    public String mint(String sub, String role) {
        return mint(sub, role, Map.of(), DEFAULT_TTL);
    }

    public String mint(String sub, String role, Map<String, String> extraClaims) {
        return mint(sub, role, extraClaims, DEFAULT_TTL);
    }

    /** @param extraClaims further string claims; they may not replace sub, role, iss, aud, iat or exp */
    public String mint(String sub, String role, Map<String, String> extraClaims, Duration ttl) {
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(role, "role");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        for (String name : extraClaims.keySet()) {
            if (RESERVED_CLAIMS.contains(name)) {
                throw new IllegalArgumentException("claim '" + name + "' is set by the token itself");
            }
        }
        Instant now = clock.instant();
        ObjectNode claims = Json.object()
                .put("sub", sub)
                .put("role", role)
                .put("iss", ISSUER)
                .put("aud", AUDIENCE)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(ttl).getEpochSecond());
        extraClaims.forEach(claims::put);

        ObjectNode header = Json.object().put("alg", ALGORITHM).put("typ", "JWT");
        String signingInput = encode(Json.write(header)) + "." + encode(Json.write(claims));
        return signingInput + "." + ENCODER.encodeToString(sign(signingInput));
    }

    /**
     * @return every claim as a string (numbers as their decimal text), as API Gateway hands JWT
     *         claims to a function
     * @throws InvalidTokenException naming why the token is refused
     */
    public Map<String, String> verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("malformed token: empty");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("malformed token: expected header.payload.signature");
        }
        JsonNode header = decodeJson(parts[0], "header");
        if (!ALGORITHM.equals(header.path("alg").asText())) {
            throw new InvalidTokenException("unsupported alg '" + header.path("alg").asText() + "', expected HS256");
        }
        byte[] signature = decode(parts[2], "signature");
        byte[] expected = sign(parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new InvalidTokenException("bad signature");
        }
        JsonNode claims = decodeJson(parts[1], "payload");
        checkIssuerAndAudience(claims);
        checkExpiry(claims);
        return asStrings(claims);
    }

    private static void checkIssuerAndAudience(JsonNode claims) {
        if (!ISSUER.equals(claims.path("iss").asText())) {
            throw new InvalidTokenException("wrong issuer '" + claims.path("iss").asText() + "'");
        }
        JsonNode aud = claims.path("aud");
        boolean audienceMatches = aud.isArray()
                ? stream(aud).anyMatch(a -> AUDIENCE.equals(a.asText()))
                : AUDIENCE.equals(aud.asText());
        if (!audienceMatches) {
            throw new InvalidTokenException("wrong audience");
        }
    }

    private void checkExpiry(JsonNode claims) {
        JsonNode exp = claims.path("exp");
        if (!exp.isIntegralNumber()) {
            throw new InvalidTokenException("malformed token: exp missing or not a number");
        }
        Instant expiresAt = Instant.ofEpochSecond(exp.asLong());
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            throw new InvalidTokenException("token expired at " + expiresAt);
        }
        JsonNode nbf = claims.path("nbf");
        if (!nbf.isMissingNode() && (!nbf.isIntegralNumber() || now.isBefore(Instant.ofEpochSecond(nbf.asLong())))) {
            throw new InvalidTokenException("token not valid before " + nbf.asText());
        }
    }

    /** When a token minted now with this lifetime expires (by this issuer's clock). */
    public Instant expiresAt(java.time.Duration ttl) {
        return clock.instant().plus(ttl);
    }

    private static Map<String, String> asStrings(JsonNode claims) {
        Map<String, String> result = new LinkedHashMap<>();
        claims.fields().forEachRemaining(e ->
                result.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : Json.write(e.getValue())));
        return Collections.unmodifiableMap(result);
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String encode(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] decode(String part, String name) {
        try {
            return DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("malformed token: " + name + " is not base64url");
        }
    }

    private static JsonNode decodeJson(String part, String name) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(decode(part, name));
        } catch (IOException e) {
            throw new InvalidTokenException("malformed token: " + name + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidTokenException("malformed token: " + name + " is not a JSON object");
        }
        return node;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
