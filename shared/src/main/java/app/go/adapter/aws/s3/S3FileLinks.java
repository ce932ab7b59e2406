package app.go.adapter.aws.s3;

import app.go.domain.port.FileLinks;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

import java.time.Duration;

/** Pre-signed GETs on the assets bucket; the file name and type ride in the signed response overrides. */
public final class S3FileLinks implements FileLinks {
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration ttl;

    public S3FileLinks(S3Presigner presigner, String bucket, Duration ttl) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.ttl = ttl;
    }

    @Override
    public Link link(String key, String filename, String contentType) {
        PresignedGetObjectRequest signed = presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(g -> g.bucket(bucket).key(key)
                        .responseContentType(contentType)
                        .responseContentDisposition("attachment; filename=\"" + filename.replace("\"", "") + "\"")));
        return new Link(signed.url().toString(), signed.expiration());
    }
}
