package app.go.local.http;

import app.go.adapter.file.SignedFileLinks;
import app.go.domain.port.BlobStore;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /local/files}: what the S3 bucket does for a pre-signed GET, locally (CM-GEN-1). The
 * link's HMAC and expiry are checked first: a changed or expired link is 403, as S3 answers.
 */
final class LocalFileServer {
    private final SignedFileLinks links;
    private final BlobStore blobs;

    LocalFileServer(SignedFileLinks links, BlobStore blobs) {
        this.links = links;
        this.blobs = blobs;
    }

    static boolean handles(String method, String rawPath) {
        return "GET".equals(method) && SignedFileLinks.PATH.equals(rawPath);
    }

    /** @return the status answered */
    int serve(HttpExchange exchange, IncomingRequest request) throws IOException {
        SignedFileLinks.Verified link = links.verify(request.rawQuery());
        switch (link.outcome()) {
            case EXPIRED -> {
                return problem(exchange, Problem.of(403, "LINK_EXPIRED", "this download link has expired; ask for a new one"));
            }
            case BAD_SIGNATURE -> {
                return problem(exchange, Problem.of(403, "LINK_INVALID", "this download link is not valid"));
            }
            case VALID -> { }
        }
        Optional<byte[]> content;
        try {
            content = blobs.get(link.key());
        } catch (IllegalArgumentException badKey) {
            content = Optional.empty();
        }
        if (content.isEmpty()) {
            return problem(exchange, Problem.of(404, "NOT_FOUND", "the file no longer exists"));
        }
        exchange.getResponseHeaders().set("Content-Disposition",
                "attachment; filename=\"" + link.filename().replace("\"", "") + "\"");
        exchange.getResponseHeaders().set("Cache-Control", "private, no-store");
        ResponseWriter.write(exchange, 200, link.contentType(), content.get());
        return 200;
    }

    private static int problem(HttpExchange exchange, Problem problem) throws IOException {
        ResponseWriter.write(exchange, LocalResponse.problem(problem));
        return problem.status();
    }
}
