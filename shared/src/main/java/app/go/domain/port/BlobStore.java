package app.go.domain.port;

import java.util.Optional;

/** Port for large binaries (training assets, drafts, finals): S3 in AWS, a folder locally. */
public interface BlobStore {

    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    void delete(String key);
}
