package app.go.adapter.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local HTTP server speaking the part of Stripe's wire format the adapter uses: form-encoded POST
 * bodies, JSON responses with {@code object}, the {@code Idempotency-Key} header (a repeated key gets
 * the first response), {@code /search} endpoints over metadata, and card errors as HTTP 402 with an
 * {@code error} object carrying {@code type}, {@code code} and {@code decline_code}. Test cards follow
 * Stripe's test PaymentMethod names.
 */
final class StripeStub implements AutoCloseable {
    /** One request as the stub received it. */
    record Request(String method, String path, Map<String, String> form, String idempotencyKey, String authorization) {}

    private record Reply(int status, String json) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Reply> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, String> intents = new LinkedHashMap<>(); // id -> json
    private final Map<String, String> intentChargeKeys = new LinkedHashMap<>(); // id -> go_charge_key
    private final Map<String, String> customers = new LinkedHashMap<>(); // payer -> id
    private final Map<String, String> attached = new LinkedHashMap<>(); // payment method -> customer
    private int ids;

    StripeStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> form = parse(method.equals("GET") ? exchange.getRequestURI().getRawQuery()
                : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        requests.add(new Request(method, path, form, key, exchange.getRequestHeaders().getFirst("Authorization")));
        Reply reply = key != null && method.equals("POST") ? byIdempotencyKey.computeIfAbsent(key, k -> route(method, path, form))
                : route(method, path, form);
        byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_" + (++ids));
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Reply route(String method, String path, Map<String, String> form) {
        if (method.equals("GET") && path.equals("/v1/customers/search")) {
            String payer = metadataValue(form.get("query"));
            return search("/v1/customers/search", customers.containsKey(payer)
                    ? List.of("{\"id\":\"" + customers.get(payer) + "\",\"object\":\"customer\"}") : List.of());
        }
        if (method.equals("POST") && path.equals("/v1/customers")) {
            String id = "cus_" + (++ids);
            customers.put(form.get("metadata[go_payer_id]"), id);
            return new Reply(200, "{\"id\":\"" + id + "\",\"object\":\"customer\"}");
        }
        if (path.startsWith("/v1/payment_methods/")) {
            String id = path.substring("/v1/payment_methods/".length()).replace("/attach", "");
            if (method.equals("POST")) {
                attached.put(id, form.get("customer"));
            }
            String customer = attached.get(id);
            return new Reply(200, "{\"id\":\"" + id + "\",\"object\":\"payment_method\",\"customer\":"
                    + (customer == null ? "null" : "\"" + customer + "\"") + "}");
        }
        if (method.equals("POST") && path.equals("/v1/payment_intents")) {
            return paymentIntent(form);
        }
        if (method.equals("GET") && path.equals("/v1/payment_intents/search")) {
            String chargeKey = metadataValue(form.get("query"));
            List<String> found = intentChargeKeys.entrySet().stream().filter(e -> e.getValue().equals(chargeKey))
                    .map(e -> intents.get(e.getKey())).toList();
            return search("/v1/payment_intents/search", found);
        }
        if (method.equals("POST") && path.equals("/v1/refunds")) {
            return new Reply(200, "{\"id\":\"re_" + (++ids) + "\",\"object\":\"refund\",\"amount\":" + form.get("amount")
                    + ",\"payment_intent\":\"" + form.get("payment_intent") + "\",\"status\":\"succeeded\"}");
        }
        return new Reply(404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}");
    }

    private Reply paymentIntent(Map<String, String> form) {
        String paymentMethod = form.get("payment_method");
        String id = "pi_" + (++ids);
        intentChargeKeys.put(id, form.get("metadata[go_charge_key]"));
        String status = switch (paymentMethod) {
            case "pm_card_chargeDeclinedInsufficientFunds", "pm_card_authenticationRequired" -> "requires_payment_method";
            case "pm_card_threeDSecureRequired" -> "requires_action";
            default -> "succeeded";
        };
        String intent = "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + form.get("amount")
                + ",\"currency\":\"" + form.get("currency") + "\",\"customer\":\"" + form.get("customer") + "\",\"status\":\""
                + status + "\",\"metadata\":{\"go_charge_key\":\"" + form.get("metadata[go_charge_key]") + "\"}}";
        intents.put(id, intent);
        return switch (paymentMethod) {
            case "pm_card_chargeDeclinedInsufficientFunds" -> cardError("card_declined", "insufficient_funds", intent);
            case "pm_card_authenticationRequired" -> cardError("authentication_required", "authentication_required", intent);
            default -> new Reply(200, intent);
        };
    }

    private static Reply cardError(String code, String declineCode, String intent) {
        return new Reply(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"" + code + "\",\"decline_code\":\"" + declineCode
                + "\",\"message\":\"Your card was declined.\",\"payment_intent\":" + intent + "}}");
    }

    private static Reply search(String url, List<String> data) {
        return new Reply(200, "{\"object\":\"search_result\",\"url\":\"" + url + "\",\"has_more\":false,\"data\":["
                + String.join(",", data) + "]}");
    }

    /** The quoted value of {@code metadata['k']:'v'}. */
    private static String metadataValue(String query) {
        int start = query.indexOf(":'") + 2;
        return query.substring(start, query.length() - 1).replace("\\'", "'");
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
