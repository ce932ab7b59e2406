package app.go.testing;

import app.go.adapter.offline.OfflineLanguageModel;
import app.go.domain.port.AssistantTurn;
import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.Prompt;
import app.go.domain.port.ReplyContext;

import java.util.function.Function;

/** Language models for tests, built from a function. */
public final class LanguageModels {
    private LanguageModels() {}

    /** Turns from {@code turns}; free-text tasks (summaries) from the offline model. */
    public static LanguageModel answering(Function<ReplyContext, AssistantTurn> turns) {
        OfflineLanguageModel offline = new OfflineLanguageModel();
        return new LanguageModel() {
            @Override
            public AssistantTurn respond(ReplyContext context) {
                return turns.apply(context);
            }

            @Override
            public Completion complete(Prompt prompt) {
                return offline.complete(prompt);
            }
        };
    }
}
