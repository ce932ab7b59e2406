package app.go.local.http;

import app.go.adapter.file.SignedFileLinks;
import app.go.domain.port.BlobStore;

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

    Reply serve(IncomingRequest request) {
        SignedFileLinks.Verified link = links.verify(request.rawQuery());
        switch (link.outcome()) {
            case EXPIRED -> {
                return Reply.of(Problem.of(403, "LINK_EXPIRED", "this download link has expired; ask for a new one"));
            }
            case BAD_SIGNATURE -> {
                return Reply.of(Problem.of(403, "LINK_INVALID", "this download link is not valid"));
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
            return Reply.of(Problem.of(404, "NOT_FOUND", "the file no longer exists"));
        }
        return Reply.of(200, link.contentType(), content.get())
                .set("Content-Disposition", "attachment; filename=\"" + link.filename().replace("\"", "") + "\"")
                .set("Cache-Control", "private, no-store");
    }
}
