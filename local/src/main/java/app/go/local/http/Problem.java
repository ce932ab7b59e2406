package app.go.local.http;

/** An RFC 9457 problem as the API answers errors: {@code application/problem+json}. */
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String detail) {
        return new Problem("about:blank", title(status), status, detail, code);
    }

    public static Problem validation(String detail) {
        return of(400, "VALIDATION_FAILED", detail);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
