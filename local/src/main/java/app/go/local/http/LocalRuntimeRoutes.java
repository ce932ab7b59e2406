package app.go.local.http;

import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.support.json.Json;
import app.go.support.time.AdjustableClock;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The routes only the local runtime has: health, token minting, the test clock, the OpenAPI document and,
 * with the offline payment provider, its test-mode payments log.
 */
public final class LocalRuntimeRoutes {
    static final Set<String> ROLES = Set.of("seller", "client", "platform");
    static final String OPENAPI_RESOURCE = "openapi.yaml";
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");

    private final LocalTokens tokens;
    private final AdjustableClock clock;
    private final BooleanSupplier ready;

    LocalRuntimeRoutes(LocalTokens tokens, AdjustableClock clock, BooleanSupplier ready) {
        this.tokens = tokens;
        this.clock = clock;
        this.ready = ready;
    }

    void registerOn(LocalHttpApi api) {
        api.addLocalRoute("GET", "/health", body -> health());
        api.addLocalRoute("POST", "/local/tokens", this::mintToken);
        api.addLocalRoute("GET", "/local/clock", body -> now());
        api.addLocalRoute("POST", "/local/clock", this::moveClock);
        api.addLocalRoute("GET", "/openapi.yaml", body -> openApi());
    }

    /**
     * {@code GET /local/payments}: every charge attempt and refund the offline gateway made, oldest first,
     * with totals, so anyone can count charges (BILL-13). Only registered when the offline gateway is the
     * provider.
     */
    public static void registerPayments(LocalHttpApi api, OfflinePaymentGateway gateway) {
        api.addLocalRoute("GET", "/local/payments", body -> payments(gateway));
    }

    static LocalResponse payments(OfflinePaymentGateway gateway) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OfflinePaymentGateway.Payment p : gateway.payments()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", p.kind());
            line.put("id", p.id());
            line.put("idempotencyKey", p.idempotencyKey());
            line.put("payerId", p.payerId());
            line.put("methodType", p.methodType());
            line.put("amountCents", p.amountCents());
            line.put("outcome", p.outcome());
            line.put("declineCode", p.declineCode());
            line.put("chargeId", p.chargeId());
            line.put("at", p.at().toString());
            lines.add(line);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("payments", lines);
        result.put("approvedCharges", gateway.charges());
        result.put("chargedCents", gateway.chargedCents());
        result.put("refundedCents", gateway.refundedCents());
        return LocalResponse.ok(result);
    }

    LocalResponse health() {
        return ready.getAsBoolean()
                ? LocalResponse.ok(Map.of("status", "UP"))
                : LocalResponse.json(503, Map.of("status", "STARTING"));
    }

    /** {"sub","role"} and optionally "ttl" (ISO-8601 duration) and "claims" (further string claims). */
    LocalResponse mintToken(String body) {
        JsonNode request = jsonObject(body);
        String sub = request.path("sub").isTextual() ? request.path("sub").asText() : "";
        if (sub.isBlank()) {
            throw invalid("sub is required and must be a non-blank string");
        }
        String role = request.path("role").isTextual() ? request.path("role").asText() : "";
        if (!ROLES.contains(role)) {
            throw invalid("role must be one of seller, client, platform");
        }
        Duration ttl = request.has("ttl") ? positiveDuration(request.get("ttl")) : LocalTokens.DEFAULT_TTL;
        Map<String, String> claims = extraClaims(request.path("claims"));
        Instant expiresAt = tokens.expiresAt(ttl);
        return LocalResponse.ok(Map.of("token", tokens.mint(sub, role, claims, ttl), "expiresAt", expiresAt.toString()));
    }

    LocalResponse now() {
        return LocalResponse.ok(Map.of("now", clock.instant().toString()));
    }

    /** {"at": instant} sets the test clock, {"advance": duration} moves it forward; exactly one of them. */
    LocalResponse moveClock(String body) {
        JsonNode request = jsonObject(body);
        boolean hasAt = request.has("at");
        boolean hasAdvance = request.has("advance");
        if (hasAt == hasAdvance) {
            throw invalid("give exactly one of at (an ISO-8601 instant) or advance (an ISO-8601 duration)");
        }
        if (hasAt) {
            clock.set(withinRange(instant(request.get("at")), "at"));
        } else {
            Duration advance = nonNegativeDuration(request.get("advance"));
            Instant target;
            try {
                target = clock.instant().plus(advance);
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw invalid("advance is too large: the clock must stay between " + EARLIEST + " and " + LATEST);
            }
            withinRange(target, "advance");
            clock.advance(advance);
        }
        return now();
    }

    /** Business dates the domain can compute with (months, periods, days in zones) without overflowing. */
    private static Instant withinRange(Instant target, String field) {
        if (target.isBefore(EARLIEST) || target.isAfter(LATEST)) {
            throw invalid(field + " would put the clock at " + target + "; it must stay between " + EARLIEST + " and " + LATEST);
        }
        return target;
    }

    LocalResponse openApi() {
        try (InputStream in = LocalRuntimeRoutes.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is not on the classpath");
            }
            return new LocalResponse(200, "application/yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode jsonObject(String body) {
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw invalid("the body is not valid JSON");
        }
        if (!node.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        return node;
    }

    private static Map<String, String> extraClaims(JsonNode claims) {
        if (claims.isMissingNode() || claims.isNull()) {
            return Map.of();
        }
        if (!claims.isObject()) {
            throw invalid("claims must be an object of string values");
        }
        Map<String, String> result = new LinkedHashMap<>();
        claims.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw invalid("claims." + e.getKey() + " must be a string");
            }
            if (LocalTokens.RESERVED_CLAIMS.contains(e.getKey())) {
                throw invalid("claims." + e.getKey() + " is set by the token itself");
            }
            result.put(e.getKey(), e.getValue().asText());
        });
        return result;
    }

    private static Instant instant(JsonNode at) {
        try {
            return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(at.isTextual() ? at.asText() : ""));
        } catch (DateTimeParseException e) {
            throw invalid("at must be an ISO-8601 instant such as 2026-03-08T00:00:00Z");
        }
    }

    private static Duration nonNegativeDuration(JsonNode advance) {
        Duration duration = duration(advance, "advance");
        if (duration.isNegative()) {
            throw invalid("advance must not be negative: the clock only moves forward");
        }
        return duration;
    }

    private static Duration positiveDuration(JsonNode ttl) {
        Duration duration = duration(ttl, "ttl");
        if (duration.isNegative() || duration.isZero()) {
            throw invalid("ttl must be a positive duration");
        }
        return duration;
    }

    private static Duration duration(JsonNode node, String field) {
        try {
            return Duration.parse(node.isTextual() ? node.asText() : "");
        } catch (DateTimeParseException e) {
            throw invalid(field + " must be an ISO-8601 duration such as PT25H");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.validation(detail));
    }
}
