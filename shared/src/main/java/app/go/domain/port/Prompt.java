package app.go.domain.port;

import java.util.List;

/** What the model is asked: a system prompt, the conversation so far (oldest first), and limits. */
public record Prompt(String system, List<Turn> turns, InferenceSettings settings) {

    public Prompt {
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one turn");
        }
    }

    public enum Role { USER, ASSISTANT }

    public record Turn(Role role, String text) {}

    public record InferenceSettings(int maxTokens, double temperature, double topP) {
        public static final InferenceSettings DEFAULT = new InferenceSettings(512, 0.3, 0.9);
    }

    /** The last user turn: what the model must answer. */
    public String lastUserText() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.USER) {
                return turns.get(i).text();
            }
        }
        return "";
    }
}
