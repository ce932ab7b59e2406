package app.go.domain.creation;

/** A file handed to a client: the watermarked preview or the clean final. */
public record Delivery(String filename, String contentType, byte[] content, boolean watermarked) {

    public Delivery {
        content = content == null ? new byte[0] : content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    static String filename(String generationId, String contentType, String suffix) {
        String extension = switch (contentType == null ? "" : contentType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "audio/wav", "audio/x-wav" -> ".wav";
            case "audio/mpeg" -> ".mp3";
            case "text/plain", "text/plain; charset=utf-8" -> ".txt";
            default -> ".bin";
        };
        return generationId + suffix + extension;
    }
}
