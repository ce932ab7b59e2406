package app.go.domain.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Port for handing a stored file to a client without streaming it through a function (CM-GEN-1): a
 * short-lived link the client fetches directly. S3 pre-signed GET in AWS; an HMAC-signed link the
 * local runtime serves locally.
 */
public interface FileLinks {
    /** Long enough to start a download, short enough that a leaked link is soon worthless. */
    Duration TTL = Duration.ofMinutes(5);

    Link link(String key, String filename, String contentType);

    record Link(String url, Instant expiresAt) {}
}
