package app.go.adapter.aws.bedrock;

import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.ImageSize;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.Pixels;
import app.go.domain.creation.StyleProfile;
import app.go.domain.port.AssetGenerationException;
import app.go.domain.port.AssetGenerationException.Reason;
import app.go.domain.port.AssetGenerator;
import app.go.domain.port.BlobStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Images through Amazon Nova Canvas on Bedrock InvokeModel (CM-GEN-8): a variation of the model's
 * reference images steered by the prompt and the learned style description, at up to 1024².
 * Content-filter refusals become a {@link Reason#REFUSED} with a reason the client reads;
 * throttling, 5xx and I/O failures are retried with backoff ({@link BedrockRetries}); each attempt
 * has {@link #ATTEMPT_TIMEOUT}.
 */
public final class NovaCanvasImageGenerator implements AssetGenerator {
    public static final String DEFAULT_MODEL_ID = "amazon.nova-canvas-v1:0";
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);
    static final String FILTERED = "the image model's content filter refused this request; describe the work differently";

    private final BedrockRuntimeClient client;
    private final BlobStore blobs;
    private final String modelId;
    private final BedrockRetries.Sleeper sleeper;
    private final Duration attemptTimeout;

    public NovaCanvasImageGenerator(BedrockRuntimeClient client, BlobStore blobs, String modelId) {
        this(client, blobs, modelId, duration -> Thread.sleep(duration.toMillis()), ATTEMPT_TIMEOUT);
    }

    NovaCanvasImageGenerator(BedrockRuntimeClient client, BlobStore blobs, String modelId, BedrockRetries.Sleeper sleeper) {
        this(client, blobs, modelId, sleeper, ATTEMPT_TIMEOUT);
    }

    NovaCanvasImageGenerator(BedrockRuntimeClient client, BlobStore blobs, String modelId, BedrockRetries.Sleeper sleeper,
                             Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
        this.client = client;
        this.blobs = blobs;
        this.modelId = modelId;
        this.sleeper = sleeper;
    }

    @Override
    public boolean supports(MediaKind kind) {
        return kind == MediaKind.IMAGE;
    }

    @Override
    public GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units) {
        return generate(model, styleProfileJson, prompt, units, null);
    }

    @Override
    public GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units, ImageSize size) {
        StyleProfile profile = StyleProfile.parse(styleProfileJson);
        long seed = (model.id() + "|" + profile.trainingId() + "|" + prompt).hashCode() & 0x7fffffffL;
        String body = NovaCanvasRequests.body(prompt, profile, references(profile),
                size == null ? NovaCanvasRequests.Size.forAspect(profile.aspect())
                        : new NovaCanvasRequests.Size(size.width(), size.height()), 1, seed);
        InvokeModelRequest request = InvokeModelRequest.builder()
                .modelId(modelId)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromString(body, StandardCharsets.UTF_8))
                .overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                        .addPlugin(BedrockRetries.SINGLE_SDK_ATTEMPT)
                        .apiCallAttemptTimeout(attemptTimeout)
                        .build())
                .build();
        String response = BedrockRetries.call(() -> client.invokeModel(request).body().asUtf8String(), sleeper,
                this::failure, (cause, attempt) -> new AssetGenerationException(Reason.UNAVAILABLE,
                        "interrupted while backing off from " + modelId, cause));
        List<byte[]> images = NovaCanvasRequests.images(response);
        if (images.isEmpty()) {
            String error = NovaCanvasRequests.error(response);
            throw new AssetGenerationException(Reason.REFUSED, error != null && filtered(error) ? FILTERED
                    : "the image model returned no image");
        }
        return new GeneratedAsset(MediaKind.IMAGE, "image/png", images.get(0), false);
    }

    /** The reference set as Nova takes it: PNG, each side 320..1024 px (larger ones scaled down). */
    private List<byte[]> references(StyleProfile profile) {
        List<byte[]> result = new ArrayList<>();
        for (String key : profile.referenceKeys()) {
            Optional<byte[]> bytes = blobs.get(key);
            bytes.flatMap(NovaCanvasImageGenerator::fitted).ifPresent(result::add);
            if (result.size() == NovaCanvasRequests.MAX_IMAGES_PER_REQUEST) {
                break;
            }
        }
        return result;
    }

    static Optional<byte[]> fitted(byte[] bytes) {
        return Pixels.decode(bytes)
                .filter(image -> Math.min(image.getWidth(), image.getHeight()) >= NovaCanvasRequests.MIN_SIDE)
                .map(image -> Pixels.png(Pixels.scaled(image, NovaCanvasRequests.MAX_SIDE, NovaCanvasRequests.MIN_SIDE)));
    }

    private AssetGenerationException failure(SdkException e, int attempt) {
        if (!(e instanceof SdkServiceException service)) {
            Throwable root = e.getCause() == null ? e : e.getCause();
            return new AssetGenerationException(Reason.UNAVAILABLE, "could not reach the image model "
                    + modelId + " (" + root.getClass().getSimpleName() + ") after " + BedrockRetries.attempts(attempt), e);
        }
        String message = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? String.valueOf(aws.awsErrorDetails().errorMessage()) : String.valueOf(e.getMessage());
        if (e instanceof ValidationException && filtered(message)) {
            return new AssetGenerationException(Reason.REFUSED, FILTERED, e);
        }
        String details = " (" + errorCode(service) + ", HTTP " + service.statusCode() + ", request id "
                + service.requestId() + ") after " + BedrockRetries.attempts(attempt);
        if (e instanceof ValidationException) {
            return new AssetGenerationException(Reason.REFUSED, "the image model rejected the request" + details, e);
        }
        return new AssetGenerationException(Reason.UNAVAILABLE, "the image model " + modelId + " failed" + details, e);
    }

    private static boolean filtered(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("content filter") || m.contains("blocked") || m.contains("responsible ai");
    }

    private static String errorCode(SdkServiceException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }
}
