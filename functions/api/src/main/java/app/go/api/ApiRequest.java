package app.go.api;

import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;
import app.go.support.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP API v2 event seen from a route: the caller, path parameters, headers and the JSON body. */
public final class ApiRequest {
    private final APIGatewayV2HTTPEvent event;
    private JsonNode body;

    /** The longest token subject accepted (Cognito subs are 36; platform ids are shorter than this). */
    public static final int MAX_SUBJECT_LENGTH = 128;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    /** The authenticated caller from the JWT authorizer's claims; 401 when there are none. */
    public Caller caller() {
        Map<String, String> claims = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of());
        String sub = claims.get("sub");
        String role = claims.get("role");
        if (role == null) {
            role = claims.get("custom:role");
        }
        if (sub == null || sub.isBlank() || role == null) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "UNAUTHORIZED", "a valid token with sub and role is required");
        }
        if (sub.length() > MAX_SUBJECT_LENGTH || sub.indexOf('#') >= 0 || sub.chars().anyMatch(Character::isISOControl)) {
            // the keys we store are built from it: a DynamoDB key holds at most 1,024 bytes and '#' separates its parts
            throw new DomainException(DomainException.Kind.VALIDATION, "INVALID_SUBJECT",
                    "the token's sub must be 1 to " + MAX_SUBJECT_LENGTH + " characters without '#' or control characters");
        }
        try {
            return new Caller(sub, Caller.Role.valueOf(role.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw DomainException.forbidden("unknown role " + role);
        }
    }

    /** The calling seller's id; 403 for any other role. */
    public String sellerId() {
        String sellerId = caller().requireRole(Caller.Role.SELLER).userId();
        app.go.support.log.Log.put("sellerId", sellerId);
        return sellerId;
    }

    /** A path parameter that is an id (see {@link Ids}). */
    public String pathId(String name) {
        return Ids.require(path(name), name);
    }

    public String path(String name) {
        String value = event.getPathParameters() == null ? null : event.getPathParameters().get(name);
        if (value == null || value.isBlank()) {
            throw DomainException.validation("path parameter " + name + " is missing");
        }
        return value;
    }

    /** A query string parameter, when given and not blank. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<String> header(String name) {
        if (event.getHeaders() == null) {
            return Optional.empty();
        }
        return event.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** PA-ACT-7: where the request comes from ({@code mobile}, {@code desktop}), lower case; null when not said. */
    public String clientPlatform() {
        return header("X-Client-Platform").map(p -> p.strip().toLowerCase(java.util.Locale.ROOT)).orElse(null);
    }

    /** The body when one was sent; an absent body is fine, a malformed one is still a 400. */
    public Optional<Body> optionalBody() {
        String raw = event.getBody();
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(body());
    }

    /** The JSON body as an object; 400 VALIDATION_FAILED when it is missing, malformed or not an object. */
    public Body body() {
        if (body == null) {
            String raw = event.getBody();
            if (raw != null && event.getIsBase64Encoded()) {
                raw = new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
            }
            if (raw == null || raw.isBlank()) {
                throw DomainException.validation("a JSON body is required");
            }
            try {
                body = Json.parse(raw);
            } catch (IllegalArgumentException e) {
                throw DomainException.validation("the body is not valid JSON");
            }
            if (!body.isObject()) {
                throw DomainException.validation("the body must be a JSON object");
            }
        }
        return new Body(body, "");
    }

    /**
     * What makes two requests the same for {@code Idempotency-Key}: the concrete path (with its ids)
     * and the body, hashed.
     */
    public String fingerprint() {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(event.getRawPath()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(event.getBody()).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }
}
