package app.go.domain.seller;

import java.time.Instant;

/** The seller's assistant: its state and name, and where the last change came from (PA-ACT-7). */
public record AssistantSettings(String name, AssistantState state, Instant updatedAt, String updatedFrom) {

    public static final String DEFAULT_NAME = "Assistant";

    public static AssistantSettings initial() {
        return new AssistantSettings(DEFAULT_NAME, AssistantState.INACTIVE, null, null);
    }

    public AssistantSettings withState(AssistantState next, Instant at, String platform) {
        return new AssistantSettings(name, next, at, platform);
    }
}
