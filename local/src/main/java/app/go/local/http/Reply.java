package app.go.local.http;

import java.util.ArrayList;
import java.util.List;

/**
 * A response as it goes back to the client: status, headers in order (names as given, repeated
 * names for multi-value headers) and the body bytes. Built completely before anything is written,
 * so a response that cannot be sent is replaced by a 500 instead of leaving half an answer.
 */
final class Reply {
    record Header(String name, String value) {}

    private final int status;
    private final List<Header> headers = new ArrayList<>();
    private final byte[] body;

    Reply(int status, byte[] body) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
    }

    static Reply of(int status, String contentType, byte[] body) {
        return new Reply(status, body).set("Content-Type", contentType);
    }

    static Reply of(LocalResponse response) {
        return of(response.status(), response.contentType(), response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Reply of(Problem problem) {
        return of(LocalResponse.problem(problem));
    }

    /** Replaces every header of that name (case-insensitive). */
    Reply set(String name, String value) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        headers.add(new Header(name, value));
        return this;
    }

    Reply add(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    boolean has(String name) {
        return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }

    String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    int status() {
        return status;
    }

    List<Header> headers() {
        return List.copyOf(headers);
    }

    byte[] body() {
        return body;
    }
}
