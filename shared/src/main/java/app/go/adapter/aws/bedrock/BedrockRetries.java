package app.go.adapter.aws.bedrock;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import app.go.domain.port.LanguageModelException;
import app.go.domain.port.LanguageModelException.Reason;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * The Bedrock adapters' own retries: throttling, a model not ready, 5xx and I/O failures are tried
 * up to {@link #MAX_ATTEMPTS} times in all with exponential backoff and jitter; each request
 * switches the SDK client's retries off ({@link #SINGLE_SDK_ATTEMPT}) so the attempts do not multiply.
 */
final class BedrockRetries {
    /** Calls per operation, the first included. */
    static final int MAX_ATTEMPTS = 4;
    /** The ceiling of the first backoff; it doubles for each further retry. */
    static final Duration BASE_DELAY = Duration.ofMillis(250);

    /** Per-request plugin that makes the SDK try once, whatever retry strategy the client was built with. */
    static final SdkPlugin SINGLE_SDK_ATTEMPT = config -> config.overrideConfiguration(
            config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Turns the last SDK failure (after {@code attempts} attempts) into the adapter's own exception. */
    @FunctionalInterface
    interface Failure<E extends RuntimeException> {
        E of(SdkException cause, int attempts);
    }

    private BedrockRetries() {}

    static <T, E extends RuntimeException> T call(Supplier<T> call, Sleeper sleeper, Failure<E> failure,
                                                  Failure<E> interrupted) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (SdkException e) {
                if (!retryable(e) || attempt == MAX_ATTEMPTS) {
                    throw failure.of(e, attempt);
                }
                try {
                    sleeper.sleep(backoff(attempt));
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw interrupted.of(e, attempt);
                }
            }
        }
    }

    /** Backoff before retry number {@code retry} (1-based): a random duration in [ceiling/2, ceiling]. */
    static Duration backoff(int retry) {
        long ceiling = BASE_DELAY.toMillis() << (retry - 1);
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    static boolean retryable(SdkException e) {
        if (e instanceof ThrottlingException || e instanceof ServiceUnavailableException
                || e instanceof ModelNotReadyException) {
            return true;
        }
        if (e instanceof SdkServiceException service) {
            return service.statusCode() == 429 || service.statusCode() >= 500;
        }
        return e instanceof ApiCallAttemptTimeoutException
                || (e instanceof SdkClientException && e.getCause() instanceof IOException);
    }

    static String attempts(int attempt) {
        return attempt + (attempt == 1 ? " attempt" : " attempts");
    }

    /** The language-model failure of the last attempt: names the model, the error code and the request id, never the text. */
    static LanguageModelException modelFailure(String modelId, SdkException e, int attempt) {
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

    static String errorCode(SdkServiceException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

}
