package app.go.adapter.aws.rekognition;

import app.go.domain.creation.ImageFacts;
import app.go.domain.creation.Pixels;
import app.go.domain.creation.TextFinding;
import app.go.domain.port.TextInImageDetector;
import app.go.support.log.Log;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;
import software.amazon.awssdk.services.rekognition.model.DetectTextFilters;
import software.amazon.awssdk.services.rekognition.model.DetectTextRequest;
import software.amazon.awssdk.services.rekognition.model.DetectTextResponse;
import software.amazon.awssdk.services.rekognition.model.DetectionFilter;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.TextDetection;
import software.amazon.awssdk.services.rekognition.model.TextTypes;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * {@link TextInImageDetector} on Amazon Rekognition DetectText (CM-AST-6): the lines it reads with
 * at least {@value #MIN_CONFIDENCE}% confidence, and the share of the image their boxes cover.
 * Throttling, 5xx, timeouts and missing permissions are {@link Unavailable} (after the SDK's own
 * retries), so the asset check fails visibly instead of passing an unchecked image. Rekognition reads
 * PNG and JPEG of at most 5 MB; other images are re-encoded first.
 */
public final class RekognitionTextDetector implements TextInImageDetector {
    static final float MIN_CONFIDENCE = 80f;
    /** The bytes Rekognition accepts inline (5 MB). */
    static final int MAX_BYTES = 5_000_000;
    /** Longer side of a re-encoded image: text stays readable, the payload stays well under the limit. */
    static final int REENCODE_SIDE = 2048;
    private static final Log LOG = Log.get(RekognitionTextDetector.class);

    private final RekognitionClient client;
    private final Duration timeout;

    public RekognitionTextDetector(RekognitionClient client) {
        this(client, Duration.ofSeconds(6));
    }

    RekognitionTextDetector(RekognitionClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public TextFinding detect(byte[] image, ImageFacts measured) {
        DetectTextRequest request = DetectTextRequest.builder()
                .image(i -> i.bytes(SdkBytes.fromByteArrayUnsafe(payload(image))))
                .filters(DetectTextFilters.builder()
                        .wordFilter(DetectionFilter.builder().minConfidence(MIN_CONFIDENCE).build()).build())
                .overrideConfiguration(AwsRequestOverrideConfiguration.builder().apiCallTimeout(timeout).build())
                .build();
        DetectTextResponse response;
        try {
            response = client.detectText(request);
        } catch (InvalidImageFormatException | ImageTooLargeException | InvalidParameterException e) {
            // the image decoded here; an image the service cannot read is reported as unread, not as an outage
            LOG.warn("Rekognition could not read the image", "error", errorCode(e));
            return TextFinding.NONE;
        } catch (AwsServiceException e) {
            throw new Unavailable("Rekognition DetectText failed (" + errorCode(e) + ", HTTP " + e.statusCode()
                    + ", request " + e.requestId() + ")", e);
        } catch (SdkException e) {
            throw new Unavailable("could not reach Rekognition DetectText (" + e.getClass().getSimpleName() + ")", e);
        }
        return finding(response.textDetections());
    }

    static TextFinding finding(List<TextDetection> detections) {
        List<TextDetection> lines = detections.stream()
                .filter(d -> d.type() == TextTypes.LINE && d.confidence() != null && d.confidence() >= MIN_CONFIDENCE)
                .sorted(Comparator.comparing(TextDetection::confidence).reversed())
                .toList();
        double covered = 0;
        for (TextDetection line : lines) {
            BoundingBox box = line.geometry() == null ? null : line.geometry().boundingBox();
            if (box != null && box.width() != null && box.height() != null) {
                covered += clamp(box.width()) * clamp(box.height());
            }
        }
        return new TextFinding(covered, lines.stream().map(TextDetection::detectedText).filter(t -> t != null && !t.isBlank())
                .toList());
    }

    private static double clamp(float share) {
        return Math.max(0, Math.min(1, share));
    }

    static byte[] payload(byte[] image) {
        if (image.length <= MAX_BYTES && (png(image) || jpeg(image))) {
            return image;
        }
        BufferedImage decoded = Pixels.decode(image)
                .orElseThrow(() -> new IllegalArgumentException("not an image the inspector decodes"));
        return Pixels.encode(Pixels.scaled(decoded, REENCODE_SIDE, 1), "jpg");
    }

    private static boolean png(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean jpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
    }
}
