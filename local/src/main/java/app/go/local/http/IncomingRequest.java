package app.go.local.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as received, detached from the server: header names lower-cased, path and query still raw. */
record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                       byte[] body, String sourceIp, String protocol) {

    static IncomingRequest from(Request request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(field.getValue());
        }
        String rawQuery = request.getHttpURI().getQuery();
        return new IncomingRequest(request.getMethod(), rawPath(request), rawQuery == null ? "" : rawQuery, headers, body,
                Request.getRemoteAddr(request), request.getConnectionMetaData().getProtocol());
    }

    /** The path as the client sent it, percent-encoding kept. */
    static String rawPath(Request request) {
        String path = request.getHttpURI().getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** All values of a header joined by commas, or null. */
    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
