package app.go.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/** Turns a function's {@link APIGatewayV2HTTPResponse} into a {@link Reply}, and writes replies to the server's response. */
final class ResponseWriter {
    // the server frames the body itself; a function's own values would contradict it
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private ResponseWriter() {}

    /**
     * @throws IllegalArgumentException when the response is not one API Gateway could send (bad status,
     *                                  body flagged base64 that is not)
     */
    static Reply reply(APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("the function returned status " + status);
        }
        Reply reply = new Reply(status, body(response));
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null && !isFraming(name)) {
                    reply.set(name, value);
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null && !isFraming(name)) {
                    values.forEach(value -> reply.add(name, value));
                }
            });
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> reply.add("Set-Cookie", cookie));
        }
        if (reply.body().length > 0 && !reply.has("Content-Type")) {
            reply.set("Content-Type", "application/json");
        }
        return reply;
    }

    /** Writes the whole reply and completes {@code callback} when it is sent (or failed). */
    static void write(Response response, Reply reply, boolean head, Callback callback) {
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        for (Reply.Header header : reply.headers()) {
            headers.add(header.name(), header.value());
        }
        byte[] body = reply.body();
        boolean noBody = body.length == 0 || reply.status() == 204 || reply.status() == 304;
        if (noBody) {
            if (reply.status() != 204 && reply.status() != 304) {
                headers.put(HttpHeader.CONTENT_LENGTH, 0L);
            }
            response.write(true, null, callback);
            return;
        }
        headers.put(HttpHeader.CONTENT_LENGTH, (long) body.length);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    }

    private static byte[] body(APIGatewayV2HTTPResponse response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        return response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isFraming(String name) {
        return FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }
}
