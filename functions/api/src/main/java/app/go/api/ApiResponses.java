package app.go.api;

import app.go.support.errors.DomainException;
import app.go.support.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** JSON and problem+json (RFC 9457) responses. */
public final class ApiResponses {
    private ApiResponses() {}

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body == null ? null : Json.write(body)).build();
    }

    public static APIGatewayV2HTTPResponse problem(DomainException e) {
        return problem(e.kind().httpStatus(), title(e.kind()), e.getMessage(), e.code(), e.details());
    }

    public static APIGatewayV2HTTPResponse problem(int status, String title, String detail, String code) {
        return problem(status, title, detail, code, Map.of());
    }

    private static APIGatewayV2HTTPResponse problem(int status, String title, String detail, String code, Map<String, String> details) {
        ObjectNode body = Json.object();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        details.forEach(body::put);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/problem+json"))
                .withBody(Json.write(body)).build();
    }

    private static String title(DomainException.Kind kind) {
        return switch (kind) {
            case VALIDATION -> "Bad request";
            case UNAUTHORIZED -> "Unauthorized";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case RULE -> "Rule violated";
            case LIMIT -> "Limit reached";
            case UNAVAILABLE -> "Service unavailable";
        };
    }
}
