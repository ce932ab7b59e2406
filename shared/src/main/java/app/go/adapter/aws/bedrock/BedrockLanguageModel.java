package app.go.adapter.aws.bedrock;

import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.LanguageModelException;
import app.go.domain.port.LanguageModelException.Reason;
import app.go.domain.port.Prompt;

import java.time.Duration;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * {@link LanguageModel} on the Bedrock Runtime Converse API.
 *
 * <p>Retries are this class's own: throttling, a model not ready, 5xx and I/O failures are tried
 * up to {@link #MAX_ATTEMPTS} times in all with exponential backoff and jitter, and each call
 * switches the SDK client's own retries off so the attempts do not multiply. Error messages name
 * the model, the error code and the request id, never the prompt's or the service's text, since
 * prompts carry seller data (the SDK exception stays available as the cause).
 */
public final class BedrockLanguageModel implements LanguageModel {
    public static final String DEFAULT_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

    /** Calls to Converse per {@link #complete}, the first included. */
    static final int MAX_ATTEMPTS = BedrockRetries.MAX_ATTEMPTS;

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final BedrockRetries.Sleeper sleeper;

    public BedrockLanguageModel(BedrockRuntimeClient client, String modelId) {
        this(client, modelId, duration -> Thread.sleep(duration.toMillis()));
    }

    BedrockLanguageModel(BedrockRuntimeClient client, String modelId, BedrockRetries.Sleeper sleeper) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("a Bedrock model id is required");
        }
        this.client = client;
        this.modelId = modelId;
        this.sleeper = sleeper;
    }

    public String modelId() {
        return modelId;
    }

    @Override
    public Completion complete(Prompt prompt) {
        ConverseRequest request = ConverseMapping.request(modelId, prompt).toBuilder()
                .overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                        .addPlugin(BedrockRetries.SINGLE_SDK_ATTEMPT).build())
                .build();
        return BedrockRetries.call(() -> ConverseMapping.completion(client.converse(request)), sleeper, this::failure,
                (cause, attempt) -> new LanguageModelException(Reason.UNAVAILABLE, "Interrupted while backing off from Bedrock model '"
                        + modelId + "' after " + attempts(attempt), cause));
    }

    /** Backoff before retry number {@code retry} (1-based): a random duration in [ceiling/2, ceiling]. */
    static Duration backoff(int retry) {
        return BedrockRetries.backoff(retry);
    }

    private LanguageModelException failure(SdkException e, int attempt) {
        if (!(e instanceof SdkServiceException service)) {
            Throwable root = e.getCause() == null ? e : e.getCause();
            return new LanguageModelException(Reason.UNAVAILABLE, "Could not reach Bedrock model '" + modelId
                    + "' (" + root.getClass().getSimpleName() + ") after " + attempts(attempt), e);
        }
        String details = " (" + errorCode(service) + ", HTTP " + service.statusCode()
                + ", request id " + service.requestId() + ") after " + attempts(attempt);
        if (e instanceof ModelNotReadyException) {
            return new LanguageModelException(Reason.UNAVAILABLE, "Bedrock model '" + modelId + "' is not ready" + details, e);
        }
        if (e instanceof ThrottlingException || e instanceof ServiceQuotaExceededException || service.statusCode() == 429) {
            return new LanguageModelException(Reason.THROTTLED, "Bedrock model '" + modelId + "' throttled the request" + details, e);
        }
        if (e instanceof AccessDeniedException || e instanceof ResourceNotFoundException) {
            return new LanguageModelException(Reason.ACCESS_DENIED, "Bedrock model '" + modelId
                    + "' is not accessible: access denied, not enabled in this account/region, or no such model id" + details, e);
        }
        if (e instanceof ValidationException) {
            return new LanguageModelException(Reason.INVALID_REQUEST,
                    "Bedrock model '" + modelId + "' rejected the request as invalid" + details, e);
        }
        return new LanguageModelException(Reason.UNAVAILABLE, "Bedrock model '" + modelId + "' failed" + details, e);
    }

    private static String errorCode(SdkServiceException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static String attempts(int attempt) {
        return BedrockRetries.attempts(attempt);
    }
}
