package app.go.domain.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one output policy every reply passes, whichever model wrote it (PA-SAFE-1, PA-KB-5,
 * PA-FAQ-3, PA-SRC-1): a sentence with an offer, an unlisted price, an order promise, contact,
 * payment or personal data is replaced whole by what the assistant may say instead, in the
 * client's language; the other sentences stay as they were written. Nothing is cut mid-sentence.
 */
public final class ReplyPolicy {
    private ReplyPolicy() {}

    /** @param packagePrices the seller's package prices in cents */
    public static String apply(String reply, String language, Set<Long> packagePrices) {
        List<String> kept = new ArrayList<>();
        List<SafetyTexts.Kind> replaced = new ArrayList<>();
        for (String sentence : Sentences.of(reply == null ? "" : reply.strip())) {
            if (sentence.isBlank()) {
                continue;
            }
            Optional<ContentRules.Violation> violation = ContentRules.check(Fold.text(sentence), packagePrices);
            if (violation.isEmpty()) {
                kept.add(sentence);
                continue;
            }
            SafetyTexts.Kind kind = SafetyTexts.forConcern(violation.get().concern());
            if (!replaced.contains(kind)) {
                replaced.add(kind);
                String instead = SafetyTexts.text(kind, language);
                kept.add(instead + (sentence.endsWith(" ") || spaced(language) ? " " : ""));
            }
        }
        String cleaned = String.join("", kept).strip();
        return cleaned.isEmpty() ? SafetyTexts.text(SafetyTexts.Kind.EMPTY, language) : cleaned;
    }

    /** True when the reply needs nothing taken out. */
    public static boolean allowed(String text, Set<Long> packagePrices) {
        for (String sentence : Sentences.of(text)) {
            if (ContentRules.check(Fold.text(sentence), packagePrices).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** True when the text offers a discount or a deal, or promises an order (PA-FAQ-3), whatever prices it names. */
    public static boolean offers(String text) {
        String folded = Fold.text(text);
        return SafetyRules.matches(SafetyRules.Category.OFFER, folded) || SafetyRules.matches(SafetyRules.Category.ORDER, folded);
    }

    private static boolean spaced(String language) {
        return !Set.of("zh", "ja").contains(language);
    }
}
