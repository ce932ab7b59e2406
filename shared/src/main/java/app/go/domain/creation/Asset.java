package app.go.domain.creation;

import java.time.Instant;
import java.util.List;

/**
 * A training asset's metadata; its bytes live in the blob store under {@link #blobKey()}, never in
 * the table.
 */
public record Asset(String id, String sellerId, MediaKind kind, String filename, AssetSource source, List<String> tags,
                    long sizeBytes, String blobKey, Instant createdAt) {

    public Asset {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static String blobKey(String sellerId, String assetId) {
        return "sellers/" + sellerId + "/assets/" + assetId;
    }
}
