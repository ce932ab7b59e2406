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
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
