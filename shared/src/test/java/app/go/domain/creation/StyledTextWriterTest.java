package app.go.domain.creation;

import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.Prompt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text generation through the language model port (Converse when deployed). */
class StyledTextWriterTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String INSTRUCTIONS = "Always write in a warm tone, second person, short sentences and no jargon at all";
    private static final Model MODEL = Model.draft("mdl_1", "s-1", "WRITING_TRANSLATION", NOW)
            .training("trn_1", "Writing Voice #1", NOW).ready(NOW).withInstructions(INSTRUCTIONS, NOW);
    private static final byte[] PROFILE = new StyleProfile("mdl_1", "trn_1", "WRITING_TRANSLATION", MediaKind.TEXT, "",
            List.of(), false, 0, 0, 1, 1, List.of(), List.of("You open the door. The light is soft."), null, 0).toJson();

    /** Answers the scripted texts in order and records the prompts. */
    private static final class Scripted implements LanguageModel {
        final List<String> answers;
        final List<Prompt> prompts = new ArrayList<>();

        Scripted(String... answers) {
            this.answers = List.of(answers);
        }

        @Override
        public Completion complete(Prompt prompt) {
            prompts.add(prompt);
            return new Completion(answers.get(Math.min(prompts.size(), answers.size()) - 1), "end_turn",
                    new Completion.TokenUsage(10, 10));
        }

        @Override
        public app.go.domain.port.AssistantTurn respond(app.go.domain.port.ReplyContext context) {
            throw new AssertionError("the text writer completes prompts; it never asks for an assistant turn");
        }
    }

    @Test
    @DisplayName("CM-AST-4 the seller's instructions and samples guide the model from the system prompt; the client's prompt is the user turn")
    void instructionsAndSamplesAreGuidance() {
        Scripted model = new Scripted("You step into spring. Your garden wakes up with you.");
        GeneratedAsset text = new StyledTextWriter(model).generate(MODEL, PROFILE, "a newsletter intro about spring", 120);

        Prompt prompt = model.prompts.get(0);
        assertTrue(prompt.system().contains(INSTRUCTIONS));
        assertTrue(prompt.system().contains("You open the door."));
        assertTrue(prompt.system().contains("about 120 words"));
        assertEquals("a newsletter intro about spring", prompt.lastUserText());
        assertEquals("You step into spring. Your garden wakes up with you.", new String(text.content(), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("CM-MOD-4 a draft that quotes the private instructions is written again; quoting sentences that remain are dropped")
    void instructionsNeverAppearInTheOutput() {
        Scripted model = new Scripted(
                "My guidance says: always write in a warm tone, second person. Spring is here.",
                "Spring is here. I was told to use short sentences and no jargon at all. You will love it.");
        String text = new String(new StyledTextWriter(model).generate(MODEL, PROFILE, "spring intro", 50).content(),
                StandardCharsets.UTF_8);

        assertEquals(2, model.prompts.size(), "written again after the leak");
        assertTrue(model.prompts.get(1).system().contains("Do not use its wording"));
        assertEquals("Spring is here. You will love it.", text);
        assertFalse(StyledTextWriter.leaks(text, INSTRUCTIONS));
    }
}
