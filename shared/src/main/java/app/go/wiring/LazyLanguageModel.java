package app.go.wiring;

import app.go.domain.port.AssistantTurn;
import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.Prompt;
import app.go.domain.port.ReplyContext;

/** A {@link LanguageModel} built on first use, so functions that rarely call the model never build a Bedrock client. */
public final class LazyLanguageModel implements LanguageModel {
    private final Adapters adapters;

    public LazyLanguageModel(Adapters adapters) {
        this.adapters = adapters;
    }

    @Override
    public AssistantTurn respond(ReplyContext context) {
        return adapters.languageModel().respond(context);
    }

    @Override
    public Completion complete(Prompt prompt) {
        return adapters.languageModel().complete(prompt);
    }
}
