package app.go.domain.port;

import app.go.domain.creation.AssetChecks;
import app.go.domain.creation.ImageFacts;
import app.go.domain.creation.TextFinding;

/**
 * Port to what reads text on a training image (CM-AST-6: visible watermarks, text posters):
 * Amazon Rekognition DetectText when deployed, the measured heuristic offline.
 */
public interface TextInImageDetector {

    /**
     * @param image    the uploaded bytes (an image the inspector decoded)
     * @param measured its measured facts
     * @throws Unavailable when the detector cannot answer now; the check must not pass silently
     */
    TextFinding detect(byte[] image, ImageFacts measured);

    /**
     * Offline: the measured heuristic, the share of the image covered by runs of glyph-like marks
     * ({@link ImageFacts#textScore}, judged by {@link AssetChecks#carriesText} like Rekognition's
     * coverage). It reads no words, so watermark words are not recognised offline.
     */
    TextInImageDetector MEASURED = (image, measured) -> new TextFinding(measured.textScore(), java.util.List.of());

    /** The detector could not be reached or refused to answer (throttled, 5xx, timed out, no permission). */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
