package app.go.domain.creation;

/**
 * One output of a Creation Model: the bytes, their content type and whether a watermark was
 * applied (CM-GEN-2).
 */
public record GeneratedAsset(MediaKind kind, String contentType, byte[] content, boolean watermarked) {

    public GeneratedAsset {
        content = content == null ? new byte[0] : content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
