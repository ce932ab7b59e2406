package app.go.adapter.aws.s3;

import app.go.domain.port.FileLinks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3FileLinksTest {

    @Test
    @DisplayName("CM-GEN-1 the final is a SigV4 pre-signed GET on the assets bucket, valid for the link TTL, with file name and type signed in")
    void presignedGet() {
        try (S3Presigner presigner = S3Presigner.builder().region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build()) {
            Instant before = Instant.now();
            FileLinks.Link link = new S3FileLinks(presigner, "go-assets", FileLinks.TTL)
                    .link("finals/s-1/gen_1.png", "gen_1.png", "image/png");
            String url = URLDecoder.decode(link.url(), StandardCharsets.UTF_8);
            assertTrue(url.startsWith("https://go-assets.s3.eu-central-1.amazonaws.com/finals/s-1/gen_1.png?"), url);
            assertTrue(url.contains("X-Amz-Expires=300"), url);
            assertTrue(url.contains("X-Amz-Signature="), url);
            assertTrue(url.contains("response-content-type=image/png"), url);
            assertTrue(url.contains("response-content-disposition=attachment; filename=\"gen_1.png\""), url);
            Duration ttl = Duration.between(before, link.expiresAt());
            assertTrue(ttl.compareTo(Duration.ofMinutes(6)) < 0 && ttl.compareTo(Duration.ofMinutes(4)) > 0, ttl.toString());
        }
    }
}
