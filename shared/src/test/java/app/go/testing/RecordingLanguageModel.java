package app.go.testing;

import app.go.domain.assistant.Requirements;
import app.go.domain.port.AssistantTurn;
import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.Prompt;
import app.go.domain.port.ReplyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** LanguageModel that answers a fixed text (as an ANSWER turn in the hinted language) and records what it was given. */
public final class RecordingLanguageModel implements LanguageModel {
    private final String answer;
    private final List<Prompt> prompts = new ArrayList<>();
    private final List<ReplyContext> contexts = new ArrayList<>();

    public RecordingLanguageModel(String answer) {
        this.answer = answer;
    }

    @Override
    public synchronized AssistantTurn respond(ReplyContext context) {
        contexts.add(context);
        return new AssistantTurn(answer, context.languageHint(), 0.9, AssistantTurn.Intent.ANSWER, Set.of(),
                Requirements.NONE, false, new Completion.TokenUsage(10, 5));
    }

    @Override
    public synchronized Completion complete(Prompt prompt) {
        prompts.add(prompt);
        return new Completion(answer, "end_turn", new Completion.TokenUsage(10, 5));
    }

    public synchronized List<Prompt> prompts() {
        return List.copyOf(prompts);
    }

    public synchronized List<ReplyContext> contexts() {
        return List.copyOf(contexts);
    }
}
