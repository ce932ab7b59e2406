package app.go.domain.assistant;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Named concepts, each a list of phrases per language ({@code {"concept": {"en": [...], "de": [...]}}}),
 * found in a text on word boundaries ({@link NormalizedText}). A phrase starting with {@code #} or
 * written {@code {seller}} is a special cue the caller decides.
 */
public final class CueBook {
    private final Map<String, List<NormalizedText.Phrase>> phrases = new LinkedHashMap<>();
    private final Map<String, List<String>> specials = new LinkedHashMap<>();

    public CueBook(JsonNode concepts) {
        concepts.fields().forEachRemaining(concept -> {
            List<NormalizedText.Phrase> words = new ArrayList<>();
            List<String> special = new ArrayList<>();
            concept.getValue().fields().forEachRemaining(language -> language.getValue().forEach(p -> {
                String phrase = p.asText();
                if (phrase.startsWith("#") || phrase.startsWith("{")) {
                    special.add(phrase);
                } else {
                    words.add(NormalizedText.Phrase.of(phrase));
                }
            }));
            phrases.put(concept.getKey(), words);
            specials.put(concept.getKey(), special);
        });
    }

    public Set<String> concepts() {
        return phrases.keySet();
    }

    /** Whether the concept occurs; {@code special} decides the special cues. */
    public boolean has(String concept, NormalizedText text, BiPredicate<String, NormalizedText> special) {
        List<NormalizedText.Phrase> words = phrases.get(concept);
        if (words == null) {
            throw new IllegalArgumentException("unknown concept " + concept);
        }
        for (NormalizedText.Phrase phrase : words) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        return specials.get(concept).stream().anyMatch(s -> special.test(s, text));
    }

    public boolean has(String concept, NormalizedText text) {
        return has(concept, text, (s, t) -> false);
    }

    /** The concepts that occur, in the book's order. */
    public Set<String> present(NormalizedText text, BiPredicate<String, NormalizedText> special) {
        Set<String> present = new LinkedHashSet<>();
        for (String concept : phrases.keySet()) {
            if (has(concept, text, special)) {
                present.add(concept);
            }
        }
        return present;
    }
}
