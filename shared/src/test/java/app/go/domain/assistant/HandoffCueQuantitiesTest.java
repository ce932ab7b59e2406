package app.go.domain.assistant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandoffCueQuantitiesTest {
    private final HandoffCueClassifier cues = HandoffCueClassifier.standard();

    @Test
    @DisplayName("PA-BEH-3 an amount of money or a size in any script is no count of items: an ordinary logo or tattoo request is not complex")
    void moneyAndSizesAreNoCounts() {
        assertEquals(Set.of(), cues.reasons("제 카페 로고 만들어 주세요. 예산은 15만원 정도예요", "Ana"));
        assertEquals(Set.of(), cues.reasons("logo chahiye, budget 5000 rupees", "Ana"));
        assertEquals(Set.of(), cues.reasons("我想设计一个猫咪的纹身，大概10厘米，放在手臂上", "Ana"));
        assertEquals(Set.of(), cues.reasons("Хочу тату на руке, примерно 15 см", "Ana"));
    }

    @Test
    @DisplayName("PA-BEH-3 many items are still a complex request when the count is of things")
    void countsOfThingsStayComplex() {
        assertTrue(cues.reasons("We need 40 logos for all our franchise stores, plus signage and uniforms", "Ana")
                .contains(HandoffReason.COMPLEX_REQUEST));
    }

    @Test
    @DisplayName("PA-BEH-3 asking for the cheapest package is a price question; asking to make it cheaper is haggling")
    void cheapestIsNoHaggling() {
        assertEquals(Set.of(), cues.reasons("सबसे सस्ता टैटू डिज़ाइन कितने का है?", "Ana"));
        assertTrue(cues.reasons("थोड़ा सस्ता कर दो ना", "Ana").contains(HandoffReason.CUSTOM_OFFER));
    }
}
