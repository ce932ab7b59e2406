package app.go.domain.assistant;

import app.go.adapter.offline.LexicalKnowledgeRetriever;
import app.go.adapter.offline.OfflineLanguageModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7 item 4: the prompt does not grow with the seller's knowledge base nor with the conversation.
 * The figures come from {@link PromptSizes}, which the bench reports too.
 */
@DisplayName("PA-SRC-1 / issue 7: prompt tokens bounded (1,000 vs 10 knowledge entries, 500 vs 5 past turns: ≤ 1.2×)")
class PromptBoundsTest {
    private static PromptSizes.Bounds bounds;

    @BeforeAll
    static void measure() {
        bounds = PromptSizes.bounds(new OfflineLanguageModel(), new LexicalKnowledgeRetriever());
    }

    @Test
    @DisplayName("1,000 knowledge entries cost at most 1.2× the prompt tokens of 10 (top 5 retrieved)")
    void knowledgeBounded() {
        double ratio = bounds.knowledgeRatio();
        System.out.printf("prompt tokens: 10 entries %d, 1000 entries %d, ratio %.2f%n", bounds.base().promptTokens(),
                bounds.manyEntries().promptTokens(), ratio);
        assertTrue(ratio <= PromptSizes.MAX_RATIO, "ratio " + ratio);
    }

    @Test
    @DisplayName("500 past turns cost at most 1.2× the prompt tokens of 5 (history bounded by tokens)")
    void historyBounded() {
        double ratio = bounds.historyRatio();
        System.out.printf("prompt tokens: 5 turns %d, 500 turns %d, ratio %.2f%n", bounds.base().promptTokens(),
                bounds.manyTurns().promptTokens(), ratio);
        assertTrue(ratio <= PromptSizes.MAX_RATIO, "ratio " + ratio);
    }

    @Test
    @DisplayName("the measured prompts are those of real replies: a prompt was built and the model wrote a reply on it")
    void measuredPromptsAreAnswered() {
        for (PromptSizes.Measured m : new PromptSizes.Measured[] {bounds.base(), bounds.manyEntries(), bounds.manyTurns()}) {
            assertTrue(m.promptTokens() > 100 && m.replyTokens() > 0, m.toString());
        }
    }
}
