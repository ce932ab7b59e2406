package app.go.domain.creation;

import app.go.support.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.go.domain.creation.GenerationFixture.CLIENT;
import static app.go.domain.creation.GenerationFixture.OTHER_CLIENT;
import static app.go.domain.creation.GenerationFixture.SELLER;
import static app.go.domain.creation.GenerationFixture.SELLER_CALLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GenerationFeedbackTest {
    private final GenerationFixture f = new GenerationFixture();

    private static String code(Runnable action) {
        return assertThrows(DomainException.class, action::run).code();
    }

    @Test
    @DisplayName("PA-BEH-9 the client's thumbs up/down with a comment on a generated asset is stored and the seller sees it per model; a repeat replaces it")
    void feedbackIsStoredAndVisibleToTheSeller() {
        Generation generation = f.readyGeneration(CLIENT, "a rose with thorns");
        f.service.giveFeedback(CLIENT, generation.id(), GenerationFeedback.Rating.DOWN, "the thorns are missing");
        List<GenerationFeedback> seen = f.service.feedback(SELLER, f.model.id());
        assertEquals(1, seen.size());
        assertEquals(GenerationFeedback.Rating.DOWN, seen.get(0).rating());
        assertEquals("the thorns are missing", seen.get(0).comment());
        assertEquals(generation.id(), seen.get(0).generationId());

        f.service.giveFeedback(CLIENT, generation.id(), GenerationFeedback.Rating.UP, null);
        seen = f.service.feedback(SELLER, f.model.id());
        assertEquals(1, seen.size(), "one rating per generation");
        assertEquals(GenerationFeedback.Rating.UP, seen.get(0).rating());
        assertEquals("NOT_FOUND", code(() -> f.service.feedback("s-other", f.model.id())), "another seller's model");
    }

    @Test
    @DisplayName("PA-BEH-9 only the generation's client rates it, once it is READY")
    void onlyTheClientRatesAReadyGeneration() {
        Generation ready = f.readyGeneration(CLIENT, "a fox");
        assertEquals("NOT_FOUND", code(() -> f.service.giveFeedback(OTHER_CLIENT, ready.id(), GenerationFeedback.Rating.UP, null)));
        assertEquals("NOT_FOUND", code(() -> f.service.giveFeedback(SELLER_CALLER, ready.id(), GenerationFeedback.Rating.UP, null)));
        Generation pending = f.service.request(CLIENT, f.model.id(), "a wolf", 1);
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                () -> f.service.giveFeedback(CLIENT, pending.id(), GenerationFeedback.Rating.UP, null)).kind());
        assertEquals(List.of(), f.service.feedback(SELLER, f.model.id()));
    }
}
