package app.go.domain.assistant;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AutoReplyPolicyTest {

    @ParameterizedTest(name = "{0} -> seller auto-replies allowed: {1}")
    @CsvSource({"INACTIVE,true", "TRAINING,true", "ACTIVE,false", "PAUSED,false"})
    @DisplayName("PA-ACT-3 while the assistant answers, the seller's own automatic replies are off")
    void autoRepliesOffWhileAssistantAnswers(AssistantState state, boolean allowed) {
        AssistantSettings settings = AssistantSettings.initial().withState(state, Instant.parse("2026-03-08T10:00:00Z"), "mobile");
        assertEquals(allowed, AutoReplyPolicy.sellerAutoRepliesAllowed(settings));
    }
}
