package app.go.domain.safety;

import java.util.Optional;

/**
 * PA-SAFE-1: a client who tries to move the conversation or the payment off the marketplace
 * ("Can we continue on WhatsApp?", "Send me your e-mail", "I'll pay you by bank transfer outside
 * the platform", spelled-out or disguised) gets a polite refusal in their language, and the seller
 * is told. Talking about a channel ("a tattoo of the WhatsApp logo", "a picture for my WhatsApp
 * group", "my e-mail on the business card") is not an attempt.
 */
public final class OffPlatformDetector {
    public static final String NOTIFICATION = "OFF_PLATFORM_ATTEMPT";

    public enum Kind { CONTACT, PAYMENT }

    public record Attempt(Kind kind, String evidence) {}

    private static final java.util.regex.Pattern QUESTION = java.util.regex.Pattern.compile("[?？؟]");

    private OffPlatformDetector() {}

    public static Optional<Attempt> detect(String clientText) {
        for (String sentence : Sentences.of(clientText == null ? "" : clientText)) {
            String folded = Fold.text(sentence);
            Optional<Attempt> attempt = attempt(folded);
            if (attempt.isPresent()) {
                return attempt;
            }
        }
        return Optional.empty();
    }

    /**
     * Wording the client quotes for the design ("can it say 'Call us today'"): two words or more between
     * quotation marks, or inside CJK corner brackets. An apostrophe inside a word opens no quote.
     */
    private static final java.util.regex.Pattern QUOTED_WORDING = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\d])'[^'\\n]*\\s[^'\\n]*'(?![\\p{L}\\d])|\"[^\"\\n]*\\s[^\"\\n]*\"|“[^”\\n]*\\s[^”\\n]*”"
                    + "|„[^“”\\n]*\\s[^“”\\n]*[“”]|«[^»\\n]*\\s[^»\\n]*»|「[^」\\n]{2,}」|『[^』\\n]{2,}』",
            java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    private static Optional<Attempt> attempt(String sentence) {
        Optional<PersonalDetails.Found> data = PersonalDetails.find(sentence);
        if (data.isPresent() && data.get().kind() != PersonalDetails.Kind.LINK && data.get().kind() != PersonalDetails.Kind.ADDRESS) {
            return Optional.of(new Attempt(data.get().payment() ? Kind.PAYMENT : Kind.CONTACT, data.get().text()));
        }
        // data counts wherever it is written; words in the design's own wording ask nothing of the seller
        String folded = QUOTED_WORDING.matcher(sentence).replaceAll(" ");
        boolean negated = SafetyRules.matches(SafetyRules.Category.NEGATION, folded);
        boolean aboutAThing = SafetyRules.matches(SafetyRules.Category.SUBJECT, folded);
        Optional<String> request = SafetyRules.find(SafetyRules.Category.CONTACT_REQUEST, folded);
        if (request.isPresent() && !negated && !aboutAThing) {
            return Optional.of(new Attempt(Kind.CONTACT, request.get().strip()));
        }
        boolean paying = SafetyRules.matches(SafetyRules.Category.PAY, folded) || SafetyRules.matches(SafetyRules.Category.DIRECT, folded)
                || QUESTION.matcher(folded).find();
        Optional<String> payment = ContentRules.payment(folded, false).map(ContentRules.Violation::evidence);
        if (payment.isPresent() && paying) {
            return Optional.of(new Attempt(Kind.PAYMENT, payment.get()));
        }
        Optional<String> bypass = SafetyRules.find(SafetyRules.Category.BYPASS, folded);
        if (bypass.isPresent()) {
            return Optional.of(new Attempt(SafetyRules.matches(SafetyRules.Category.PAY, folded) ? Kind.PAYMENT : Kind.CONTACT, bypass.get().strip()));
        }
        Optional<String> channel = ContentRules.channelNotShown(folded);
        if (channel.isPresent() && !aboutAThing) {
            return Optional.of(new Attempt(Kind.CONTACT, channel.get().strip()));
        }
        return Optional.empty();
    }

    /** The refusal in the client's language that keeps the conversation on the marketplace. */
    public static String refusal(String language) {
        return SafetyTexts.text(SafetyTexts.Kind.OFF_PLATFORM, language);
    }
}
