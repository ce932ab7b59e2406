package app.go.domain.safety;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/** Sentences as ICU finds them in any script ("。", "！", "؟", "।" end a sentence too); each keeps its trailing space. */
public final class Sentences {
    private Sentences() {}

    public static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return sentences;
        }
        BreakIterator breaks = BreakIterator.getSentenceInstance(ULocale.ROOT);
        breaks.setText(text);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            for (String line : text.substring(start, end).split("(?<=\n)")) {
                sentences.add(line);
            }
        }
        return sentences;
    }
}
