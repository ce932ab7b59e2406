package app.go.domain.assistant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LanguageDetectorTest {
    @Test
    @DisplayName("PA-BEH-2 Italian and Portuguese are no longer pulled to Spanish by words only Spanish had a list for")
    void romanceLanguagesKeepTheirOwn() {
        assertEquals("it", LanguageDetector.detect("mi serve un logo per la mia pizzeria"));
        assertEquals("pt", LanguageDetector.detect("Preciso de um logo pra minha loja, orçamento de uns 80 dólares"));
        assertEquals("fr", LanguageDetector.detect("Qu'est-ce que comprend votre offre la moins chère ?"));
    }

    @Test
    @DisplayName("PA-BEH-2 greetings too short for n-grams are told by one common word, a drawn-out letter included")
    void tinyGreetings() {
        assertEquals("es", LanguageDetector.detect("holaa 😊"));
        assertEquals("tr", LanguageDetector.detect("selam :)"));
        assertEquals("sv", LanguageDetector.detect("Hej hej"));
        assertEquals("vi", LanguageDetector.detect("xin chào ạ"));
    }

    @Test
    @DisplayName("PA-BEH-2 Hindi and Arabic written in Latin letters are Hindi and Arabic")
    void romanizedHindiAndArabic() {
        assertEquals("hi", LanguageDetector.detect("kya aap bot ho? mujhe kisi insaan se baat karni hai"));
        assertEquals("ar", LanguageDetector.detect("momken akalem el designer law sama7t?"));
    }

    @Test
    @DisplayName("PA-BEH-2 a word common to two languages decides nothing between them")
    void sharedWordsTie() {
        assertNull(LanguageDetector.byFunctionWords("que te"));
        assertEquals("pt", LanguageDetector.detect("posso te pagar via Pix por fora?"));
    }
}
