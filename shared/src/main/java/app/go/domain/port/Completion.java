package app.go.domain.port;

/** The model's answer with the tokens it cost. */
public record Completion(String text, String stopReason, TokenUsage usage) {

    public record TokenUsage(int inputTokens, int outputTokens) {
        public int total() {
            return inputTokens + outputTokens;
        }
    }
}
