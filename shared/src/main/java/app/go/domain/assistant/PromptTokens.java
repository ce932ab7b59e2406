package app.go.domain.assistant;

import app.go.domain.conversation.Message;
import app.go.domain.port.Prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A model-free estimate of prompt tokens, good enough to bound what goes into a prompt: about four
 * characters per token for alphabetic scripts, one per character for Han, kana and Hangul.
 */
public final class PromptTokens {
    private PromptTokens() {}

    public static int estimate(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int wide = 0;
        int narrow = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
                wide++;
            } else {
                narrow++;
            }
            i += Character.charCount(cp);
        }
        return wide + (narrow + 3) / 4;
    }

    public static int estimate(Prompt prompt) {
        return estimate(prompt.system()) + prompt.turns().stream().mapToInt(t -> estimate(t.text())).sum();
    }

    /**
     * The newest messages whose estimated tokens fit {@code budget}, at most {@code maxMessages}, oldest
     * first; the newest message (the one being answered) is always kept.
     */
    public static List<Message> newestWithin(List<Message> history, int budget, int maxMessages) {
        List<Message> kept = new ArrayList<>();
        int used = 0;
        for (int i = history.size() - 1; i >= 0 && kept.size() < maxMessages; i--) {
            int tokens = estimate(history.get(i).text());
            if (!kept.isEmpty() && used + tokens > budget) {
                break;
            }
            kept.add(history.get(i));
            used += tokens;
        }
        Collections.reverse(kept);
        return kept;
    }
}
