package app.go.local.http;

import app.go.support.json.Json;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the server answers for requests it refuses before our handler runs (a request line, URI,
 * percent-encoding or header it cannot accept, headers too large) and for failures it reports
 * itself: the same {@code application/problem+json} as every other error, with a stable code per
 * status ({@link #code}); never an HTML page. The message shown is the server's parse reason
 * for a 4xx and nothing for a 5xx.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private static final int MAX_DETAIL = 200;

    /** The code for a status the server itself answers. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            case 501 -> "NOT_IMPLEMENTED";
            case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    static Problem problem(int status, String reason) {
        if (status < 400 || status > 599) {
            status = 500;
        }
        String detail;
        if (status >= 500) {
            detail = "Internal Server Error";
        } else if (reason == null || reason.isBlank()) {
            detail = "the server cannot accept this request";
        } else {
            detail = reason.length() <= MAX_DETAIL ? reason : reason.substring(0, MAX_DETAIL);
        }
        return Problem.of(status, code(status), detail);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object attribute = request.getAttribute(ERROR_STATUS);
        int status = attribute instanceof Integer given ? given : response.getStatus();
        Object message = request.getAttribute(ERROR_MESSAGE);
        Problem problem = problem(status, message == null ? null : message.toString());
        Reply reply = Reply.of(problem).set("apigw-requestid", UUID.randomUUID().toString());
        if (problem.status() == 408 || problem.status() == 400 || problem.status() == 431) {
            reply.set("Connection", "close"); // what follows on this connection cannot be trusted to be framed right
        }
        ResponseWriter.write(response, reply, "HEAD".equals(request.getMethod()), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        return ByteBuffer.wrap(Json.write(problem(status, reason)).getBytes(StandardCharsets.UTF_8));
    }
}
