package app.go.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event API Gateway HTTP API (payload format 2.0) hands a Lambda integration. Like API
 * Gateway, it leaves {@code cookies}, {@code queryStringParameters} and {@code pathParameters}
 * null when there are none, moves the Cookie header into {@code cookies}, and base64-encodes
 * bodies that are not text.
 */
final class HttpApiEventFactory {
    static final String ACCOUNT_ID = "000000000000";
    static final String API_ID = "local";

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Clock clock;

    HttpApiEventFactory(Clock clock) {
        this.clock = clock;
    }

    /** @param claims the verified JWT claims, or null for a route without authorization */
    APIGatewayV2HTTPEvent create(IncomingRequest request, String routeKey, Map<String, String> pathParameters,
                                 Map<String, String> claims, String requestId) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(routeKey);
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery());
        event.setCookies(cookies(request));
        event.setHeaders(headers(request));
        event.setQueryStringParameters(nullIfEmpty(queryParameters(request.rawQuery())));
        event.setPathParameters(nullIfEmpty(pathParameters));
        setBody(event, request);
        event.setRequestContext(requestContext(request, routeKey, claims, requestId));
        return event;
    }

    private RequestContext requestContext(IncomingRequest request, String routeKey, Map<String, String> claims,
                                          String requestId) {
        Instant now = clock.instant();
        RequestContext.Http http = new RequestContext.Http();
        http.setMethod(request.method());
        http.setPath(request.rawPath());
        http.setProtocol(request.protocol());
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(request.header("user-agent"));

        RequestContext context = new RequestContext();
        context.setAccountId(ACCOUNT_ID);
        context.setApiId(API_ID);
        context.setDomainName(request.header("host"));
        context.setDomainPrefix(API_ID);
        context.setRequestId(requestId);
        context.setRouteKey(routeKey);
        context.setStage("$default");
        context.setTime(REQUEST_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        context.setHttp(http);
        if (claims != null) {
            context.setAuthorizer(authorizer(claims));
        }
        return context;
    }

    private static RequestContext.Authorizer authorizer(Map<String, String> claims) {
        RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        // API Gateway reads scopes from the "scope" claim and leaves them null without it
        String scope = claims.get("scope");
        jwt.setScopes(scope == null || scope.isBlank() ? null : List.of(scope.trim().split("\\s+")));
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        return authorizer;
    }

    private static Map<String, String> headers(IncomingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equals("cookie")) {
                headers.put(name, String.join(",", values));
            }
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        String host = request.header("host");
        if (host != null && host.lastIndexOf(':') > host.lastIndexOf(']')) {
            headers.putIfAbsent("x-forwarded-port", host.substring(host.lastIndexOf(':') + 1));
        }
        return headers;
    }

    private static List<String> cookies(IncomingRequest request) {
        List<String> cookies = new ArrayList<>();
        for (String header : request.headers().getOrDefault("cookie", List.of())) {
            Arrays.stream(header.split(";")).map(String::trim).filter(c -> !c.isEmpty()).forEach(cookies::add);
        }
        return cookies.isEmpty() ? null : cookies;
    }

    /** Decoded parameters; a repeated name gets its values joined by commas, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters;
    }

    private static void setBody(APIGatewayV2HTTPEvent event, IncomingRequest request) {
        if (request.body().length == 0) {
            return;
        }
        if (isText(request.header("content-type"))) {
            event.setBody(new String(request.body(), StandardCharsets.UTF_8));
        } else {
            event.setBody(Base64.getEncoder().encodeToString(request.body()));
            event.setIsBase64Encoded(true);
        }
    }

    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.startsWith("text/") || type.endsWith("json") || type.endsWith("xml") || type.endsWith("yaml")
                || type.equals("application/x-www-form-urlencoded") || type.equals("application/javascript");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static <K, V> Map<K, V> nullIfEmpty(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }
}
