package app.go.domain.safety;

import app.go.domain.safety.SafetyRules.Category;

import java.util.Optional;
import java.util.Set;

/**
 * What no text the assistant uses or writes may contain, sentence by sentence (PA-SAFE-1,
 * PA-FAQ-3, PA-KB-5, PA-SRC-1): contact data and channels, payment routes outside the checkout,
 * personal account data, orders, offers, and prices that are not the seller's package prices.
 * Words alone (a channel's name, "discount") are forgiven in a sentence that says no to them
 * ("I never share my number"); data (an e-mail address, an IBAN, an unlisted price) never is.
 */
public final class ContentRules {
    public enum Concern { CONTACT, PAYMENT, PERSONAL_DATA, ORDER, OFFER, UNLISTED_PRICE }

    public record Violation(Concern concern, String evidence) {}

    private ContentRules() {}

    /** @param packagePrices the seller's package prices in cents: the only prices a text may name */
    public static Optional<Violation> check(String folded, Set<Long> packagePrices) {
        Optional<PersonalDetails.Found> data = PersonalDetails.find(folded);
        if (data.isPresent()) {
            return Optional.of(violationOf(data.get()));
        }
        boolean negated = SafetyRules.matches(Category.NEGATION, folded);
        Optional<String> channel = contactChannel(folded);
        if (channel.isPresent() && !negated) {
            return violation(Concern.CONTACT, channel.get());
        }
        Optional<Violation> payment = payment(folded, negated);
        if (payment.isPresent()) {
            return payment;
        }
        Optional<String> order = SafetyRules.find(Category.ORDER, folded);
        if (order.isPresent() && !negated) {
            return violation(Concern.ORDER, order.get());
        }
        Optional<String> offer = SafetyRules.find(Category.OFFER, folded);
        boolean figures = folded.chars().anyMatch(Character::isDigit);
        if (offer.isPresent() && (!negated || figures)) {
            return violation(Concern.OFFER, offer.get());
        }
        for (Money.Amount amount : Money.amounts(folded)) {
            if (amount.cents() <= 0 || !packagePrices.contains(amount.cents())) {
                return violation(Concern.UNLISTED_PRICE, amount.text());
            }
        }
        return Optional.empty();
    }

    private static final Category[] HIJACK = {Category.INSTRUCTION, Category.ROLE_CHANGE, Category.LIMIT_CHANGE,
            Category.PROMPT_EXTRACTION, Category.OTHER_SELLER};

    /**
     * PA-KB-5, PA-SAFE-2: a sentence that instructs the assistant, gives it another role, changes its
     * limits or handoff, hands out its prompt or speaks for other sellers. No reply of the assistant's
     * says any of that; one that does shows the model followed text planted for it.
     */
    public static Optional<String> hijack(String folded) {
        for (Category category : HIJACK) {
            Optional<String> found = SafetyRules.find(category, folded);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * PA-SRC-1: only contact, payment and personal account data, for texts the seller wrote
     * elsewhere (profile, services) that the assistant answers from.
     */
    public static Optional<Violation> personal(String folded) {
        Optional<PersonalDetails.Found> data = PersonalDetails.find(folded);
        if (data.isPresent()) {
            return Optional.of(violationOf(data.get()));
        }
        boolean negated = SafetyRules.matches(Category.NEGATION, folded);
        Optional<String> channel = contactChannel(folded);
        if (channel.isPresent() && !negated) {
            return violation(Concern.CONTACT, channel.get());
        }
        return payment(folded, negated);
    }

    /**
     * A request to be contacted, or a channel named as one. A channel named right beside where a
     * design is shown ("a 1080 x 1080 px version for Instagram", "as your WhatsApp profile picture")
     * is a format; a request or any contact data in the same sentence still counts.
     */
    static Optional<String> contactChannel(String folded) {
        Optional<String> request = SafetyRules.find(Category.CONTACT_REQUEST, folded);
        if (request.isPresent()) {
            return request;
        }
        return channelNotShown(folded);
    }

    /** A channel's name, unless it is named right beside where a design is shown (a format, a group's picture). */
    static Optional<String> channelNotShown(String folded) {
        for (java.util.regex.MatchResult channel : SafetyRules.all(Category.MESSENGER, folded)) {
            int from = Math.max(0, channel.start() - DISPLAY_USE_REACH);
            int to = Math.min(folded.length(), channel.end() + DISPLAY_USE_REACH);
            if (!SafetyRules.matches(Category.DISPLAY_USE, folded.substring(from, to))) {
                return Optional.of(channel.group());
            }
        }
        return Optional.empty();
    }

    /** How far (in characters) from a channel's name the display use must be to make it a format. */
    private static final int DISPLAY_USE_REACH = 30;

    static Violation violationOf(PersonalDetails.Found found) {
        Concern concern = switch (found.kind()) {
            case IBAN, CARD -> Concern.PAYMENT;
            case TAX_ID, ADDRESS -> Concern.PERSONAL_DATA;
            default -> Concern.CONTACT;
        };
        return new Violation(concern, found.text().strip());
    }

    /** A payment route outside the checkout, or paying "directly", unless the sentence says no to it. */
    static Optional<Violation> payment(String folded, boolean negated) {
        if (negated) {
            return Optional.empty();
        }
        boolean direct = SafetyRules.matches(Category.DIRECT, folded);
        Optional<String> route = SafetyRules.find(Category.PAYMENT_ROUTE, folded);
        if (route.isPresent() && (direct || !SafetyRules.matches(Category.PLATFORM, folded))) {
            return violation(Concern.PAYMENT, route.get());
        }
        Optional<String> pay = SafetyRules.find(Category.PAY, folded);
        if (pay.isPresent() && direct) {
            return violation(Concern.PAYMENT, pay.get());
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(Concern concern, String evidence) {
        return Optional.of(new Violation(concern, evidence.strip()));
    }
}
