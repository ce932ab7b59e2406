package app.go.domain.knowledge;

import app.go.domain.safety.ContentRules;
import app.go.domain.safety.Fold;
import app.go.domain.safety.PersonalDetails;
import app.go.domain.safety.Sentences;

/**
 * PA-SRC-1 / DATA-1: the assistant never uses personal account data. A sentence of a public text
 * (profile description, service texts, the seller's replies) that holds an e-mail address, a phone
 * number, a messenger handle, a link, a street address, a tax id, bank or card details or a payment
 * route outside the checkout is left out whole before anything reaches the knowledge base or a
 * prompt, so nothing is cut mid-sentence.
 */
public final class PersonalData {
    /** The profile and service texts are stripped again for every message; their results are kept. */
    private static final app.go.support.memo.BoundedMemo<String, String> STRIPPED =
            new app.go.support.memo.BoundedMemo<>(20_000, PersonalData::stripSentences);

    private PersonalData() {}

    /** Whether the text holds personal account data (e-mail, phone, handle, link, address, tax id, bank or card details). */
    public static boolean contains(String text) {
        // sentence by sentence, as strip() leaves them out: "Zahlung" in one and "direkt hier" in the next are no payment route
        return text != null && PersonalDetails.sentences(text).stream().anyMatch(sentence -> ContentRules.personal(Fold.text(sentence)).isPresent());
    }

    public static String strip(String text) {
        return text == null ? null : STRIPPED.get(text);
    }

    private static String stripSentences(String text) {
        StringBuilder kept = new StringBuilder();
        for (String sentence : PersonalDetails.sentences(text)) {
            if (ContentRules.personal(Fold.text(sentence)).isEmpty()) {
                kept.append(sentence);
            }
        }
        return kept.toString().replaceAll("[ \\t]{2,}", " ").strip();
    }
}
