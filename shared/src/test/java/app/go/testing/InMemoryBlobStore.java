package app.go.testing;

import app.go.domain.port.BlobStore;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** BlobStore in memory; content is copied in and out, like bytes over the wire. */
public final class InMemoryBlobStore implements BlobStore {
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public void put(String key, byte[] content, String contentType) {
        blobs.put(key, content.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(blobs.get(key)).map(byte[]::clone);
    }

    @Override
    public void delete(String key) {
        blobs.remove(key);
    }

    /** The keys stored now (a copy). */
    public Set<String> keys() {
        return Set.copyOf(blobs.keySet());
    }
}
