package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A state's Retry list with the attempts made so far. The first retrier whose ErrorEquals matches
 * decides; once its MaxAttempts are used up the error goes on to Catch.
 */
final class RetryPolicy {
    private final JsonNode retriers;
    private final int[] attemptsMade;

    RetryPolicy(JsonNode retryField) {
        this.retriers = retryField == null ? JsonPaths.MAPPER.createArrayNode() : retryField;
        this.attemptsMade = new int[retriers.size()];
    }

    /** How long to wait before the next attempt, or empty when the error is not to be retried. */
    Optional<Duration> nextDelay(StatesFailure failure) {
        if (failure.isTerminal()) {
            return Optional.empty();
        }
        for (int i = 0; i < retriers.size(); i++) {
            JsonNode retrier = retriers.get(i);
            if (!failure.matches(retrier.path("ErrorEquals"))) {
                continue;
            }
            int maxAttempts = retrier.path("MaxAttempts").asInt(3);
            if (attemptsMade[i] >= maxAttempts) {
                return Optional.empty();
            }
            double seconds = retrier.path("IntervalSeconds").asDouble(1)
                    * Math.pow(retrier.path("BackoffRate").asDouble(2.0), attemptsMade[i]);
            if (retrier.has("MaxDelaySeconds")) {
                seconds = Math.min(seconds, retrier.get("MaxDelaySeconds").asDouble());
            }
            attemptsMade[i]++;
            return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        }
        return Optional.empty();
    }

    /** Retries made so far, for {@code $$.State.RetryCount}. */
    int retryCount() {
        int total = 0;
        for (int attempts : attemptsMade) {
            total += attempts;
        }
        return total;
    }

    /** The first Catch entry that matches, if any. */
    static Optional<JsonNode> catcherFor(JsonNode catchField, StatesFailure failure) {
        if (catchField == null || failure.isTerminal()) {
            return Optional.empty();
        }
        for (JsonNode catcher : catchField) {
            if (failure.matches(catcher.path("ErrorEquals"))) {
                return Optional.of(catcher);
            }
        }
        return Optional.empty();
    }
}
