package app.go.domain.creation;

/**
 * What one asset is, measured once (at upload, or on first use for older assets) and stored beside
 * its bytes at {@link #key}, so the asset checks and every training step read it instead of
 * decoding the file again. Exactly one of {@code image}, {@code audio} and {@code textChars} is set
 * when the bytes are what the asset's kind says; none when they are not.
 */
public record AssetFacts(MediaKind kind, ImageFacts image, AudioFacts audio, Integer textChars) {

    public static String key(Asset asset) {
        return asset.blobKey() + ".facts.json";
    }

    public boolean decodable() {
        return image != null || audio != null || textChars != null;
    }
}
