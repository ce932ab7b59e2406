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
 * A reply that instructs, claims another role, changes limits or hands out the prompt (the model
 * followed planted text, PA-KB-5) goes out as the neutral "the seller will get back to you" instead.
 */
public final class ReplyPolicy {
    private ReplyPolicy() {}

    /** @param packagePrices the seller's package prices in cents */
    public static String apply(String reply, String language, Set<Long> packagePrices) {
        List<String> sentences = PersonalDetails.sentences(reply == null ? "" : reply.strip());
        if (hijacked(sentences)) {
            // the model followed planted instructions: none of its sentences can be trusted, quoted parts included
            return SafetyTexts.text(SafetyTexts.Kind.EMPTY, language);
        }
        List<String> kept = new ArrayList<>();
        List<SafetyTexts.Kind> replaced = new ArrayList<>();
        for (String sentence : sentences) {
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
        List<String> sentences = PersonalDetails.sentences(text);
        if (hijacked(sentences)) {
            return false;
        }
        for (String sentence : sentences) {
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

    private static boolean hijacked(List<String> sentences) {
        for (String sentence : sentences) {
            if (ContentRules.hijack(Fold.text(sentence)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean spaced(String language) {
        return !Set.of("zh", "ja").contains(language);
    }
}
