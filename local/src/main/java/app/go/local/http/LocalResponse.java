package app.go.local.http;

import app.go.support.json.Json;

/** What a {@link LocalRoute} answers: a status, a content type and a text body. */
public record LocalResponse(int status, String contentType, String body) {

    public static LocalResponse json(int status, Object value) {
        return new LocalResponse(status, "application/json", Json.write(value));
    }

    public static LocalResponse ok(Object value) {
        return json(200, value);
    }

    public static LocalResponse problem(Problem problem) {
        return new LocalResponse(problem.status(), Problem.CONTENT_TYPE, Json.write(problem));
    }
}
