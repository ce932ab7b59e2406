package app.go.domain.creation;

/**
 * What one asset is, measured once (at upload, or on first use for older assets) and stored beside
 * its bytes at {@link #key}, so the asset checks and every training step read it instead of
 * decoding the file again. Exactly one of {@code image}, {@code audio} and {@code textChars} is set
 * when the bytes are what the asset's kind says; none when they are not. {@code text} is what the
 * text detector read on an image; null while it has not answered (asked again at the next check).
 */
public record AssetFacts(MediaKind kind, ImageFacts image, AudioFacts audio, Integer textChars, TextFinding text) {

    public AssetFacts withText(TextFinding finding) {
        return new AssetFacts(kind, image, audio, textChars, finding);
    }

    public static String key(Asset asset) {
        return asset.blobKey() + ".facts.json";
    }

    public boolean decodable() {
        return image != null || audio != null || textChars != null;
    }
}
