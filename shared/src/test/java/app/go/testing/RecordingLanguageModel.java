package app.go.testing;

import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.Prompt;

import java.util.ArrayList;
import java.util.List;

/** LanguageModel that answers a fixed text and records the prompts it was given. */
public final class RecordingLanguageModel implements LanguageModel {
    private final String answer;
    private final List<Prompt> prompts = new ArrayList<>();

    public RecordingLanguageModel(String answer) {
        this.answer = answer;
    }

    @Override
    public synchronized Completion complete(Prompt prompt) {
        prompts.add(prompt);
        return new Completion(answer, "end_turn", new Completion.TokenUsage(10, 5));
    }

    public synchronized List<Prompt> prompts() {
        return List.copyOf(prompts);
    }
}
