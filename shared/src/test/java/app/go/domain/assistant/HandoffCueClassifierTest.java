package app.go.domain.assistant;

import app.go.domain.port.AssistantTurn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandoffCueClassifierTest {
    private final HandoffCueClassifier cues = HandoffCueClassifier.standard();

    @ParameterizedTest
    @ValueSource(strings = {"What is in the Standard package?", "Can you deliver by Monday?", "Puedes entregar el lunes? Mi agenda está llena",
            "I'm a contractor and need a logo", "A tattoo with human figures", "Was kostet Standard?", "Do you do realistic portraits?"})
    @DisplayName("PA-BEH-3 cue words inside other words or ordinary phrases hand nothing over (\"nda\" in \"Monday\", \"Standard\")")
    void ordinaryMessages(String text) {
        assertEquals(Set.of(), cues.reasons(text, "Ana"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'd like to talk to Ana directly", "¿Puedo hablar con una persona?", "Ich möchte bitte direkt mit Ana sprechen",
            "هل يمكنني التحدث مع البائع مباشرة؟", "请帮我转人工", "Позовите живого человека, пожалуйста", "Posso parlare direttamente con Ana?",
            "アナさんと直接お話しできますか？", "사람이랑 상담하고 싶어요", "Czy mogę porozmawiać z człowiekiem?"})
    @DisplayName("PA-BEH-3 the floor: an explicit request for the seller or a human hands over, in any language, on word boundaries")
    void asksForSeller(String text) {
        assertTrue(cues.asksForSeller(text, "Ana"), text);
    }

    @Test
    @DisplayName("PA-BEH-3 custom offers and complex requests are read from one cue file")
    void otherReasons() {
        assertTrue(cues.reasons("Could you make me a custom offer for three logos?", "Ana").contains(HandoffReason.CUSTOM_OFFER));
        assertTrue(cues.reasons("Gibt's Rabatt, wenn ich drei bestelle?", "Ana").contains(HandoffReason.CUSTOM_OFFER));
        assertTrue(cues.reasons("Our legal team needs you to sign an NDA first.", "Ana").contains(HandoffReason.COMPLEX_REQUEST));
        assertFalse(cues.reasons("Can you deliver by Monday?", "Ana").contains(HandoffReason.COMPLEX_REQUEST));
    }

    @Test
    @DisplayName("NFKC and case folding: full-width letters and capitals match the same cues")
    void normalization() {
        assertTrue(NormalizedText.of("ＴＡＬＫ TO A HUMAN").contains("talk to a human"));
        assertFalse(NormalizedText.of("Monday").contains("nda"));
        assertTrue(NormalizedText.of("我想转人工").contains("人工"));
    }

    @Test
    @DisplayName("a turn that hands over names its reason")
    void handOverNeedsReason() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new AssistantTurn("x", "en", 1,
                AssistantTurn.Intent.HAND_OVER, Set.of(), Requirements.NONE, false, null));
    }
}
