package app.go.domain.safety;

import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.safety.SafetyRules.Category;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PA-SAFE-2, PA-KB-5, PA-FAQ-3: a knowledge entry is information, or it is refused when saved.
 * Refused are entries that instruct the assistant, change its role, its limits or its handoff,
 * ask for its prompt, carry other sellers' data, or hold what no reply may say (contact, payment
 * or personal data, orders, offers, prices other than the seller's package prices). "Whenever
 * someone asks X, answer Y" is information as long as Y is (PA-KB-4).
 */
public final class KnowledgeScreening {
    /** A refused entry: a stable {@code code} and a reason the seller can act on; {@code evidence} is what matched. */
    public record Refusal(String code, String reason, String evidence) {}

    private record Control(Category category, String code, String reason) {}

    private static final List<Control> CONTROLS = List.of(
            new Control(Category.PROMPT_EXTRACTION, "KB_PROMPT_EXTRACTION",
                    "the entry asks the assistant to reveal its instructions, configuration or knowledge base; write facts about your work instead"),
            new Control(Category.ROLE_CHANGE, "KB_ROLE_CHANGE",
                    "the entry gives the assistant another role or identity (it always speaks as your assistant); describe your services instead"),
            new Control(Category.LIMIT_CHANGE, "KB_LIMIT_CHANGE",
                    "the entry tries to change limits, handoff or notifications; those are settings, not knowledge"),
            new Control(Category.INSTRUCTION, "KB_INSTRUCTION",
                    "the entry gives the assistant instructions; write it as a question and its answer, e.g. \"whenever someone asks X, answer Y\""),
            new Control(Category.OTHER_SELLER, "KB_OTHER_SELLER",
                    "the entry holds another seller's data or sends clients elsewhere; keep to your own services"));

    private KnowledgeScreening() {}

    /** @param packagePrices the seller's package prices in cents */
    public static Optional<Refusal> screen(String question, String answer, Set<Long> packagePrices) {
        String folded = Fold.text((question == null ? "" : question) + "\n" + (answer == null ? "" : answer));
        for (Control control : CONTROLS) {
            Optional<String> found = SafetyRules.find(control.category(), folded);
            if (found.isPresent()) {
                return Optional.of(new Refusal(control.code(), control.reason(), found.get().strip()));
            }
        }
        KnowledgeEntry qa = new KnowledgeEntry("screened", KnowledgeEntry.Scope.GENERAL, null, question, answer,
                KnowledgeEntry.Source.SELLER).asQuestionAndAnswer();
        // what a client asks may name anything ("Do you give discounts?"); only data in it is refused
        Optional<PersonalDetails.Found> asked = PersonalDetails.find(Fold.text(qa.question()));
        if (asked.isPresent()) {
            return Optional.of(refusal(ContentRules.violationOf(asked.get())));
        }
        for (String sentence : Sentences.of(qa.question())) {
            for (Money.Amount amount : Money.amounts(Fold.text(sentence))) {
                if (!packagePrices.contains(amount.cents())) {
                    return Optional.of(refusal(new ContentRules.Violation(ContentRules.Concern.UNLISTED_PRICE, amount.text())));
                }
            }
        }
        for (String sentence : Sentences.of(qa.answer())) {
            Optional<ContentRules.Violation> violation = ContentRules.check(Fold.text(sentence), packagePrices);
            if (violation.isPresent()) {
                return Optional.of(refusal(violation.get()));
            }
        }
        return Optional.empty();
    }

    private static Refusal refusal(ContentRules.Violation violation) {
        return switch (violation.concern()) {
            case CONTACT -> new Refusal("KB_CONTACT",
                    "the entry holds contact details or moves clients to another channel; clients reach you only in the marketplace chat",
                    violation.evidence());
            case PAYMENT -> new Refusal("KB_PAYMENT",
                    "the entry holds payment details or a way to pay outside the marketplace checkout", violation.evidence());
            case PERSONAL_DATA -> new Refusal("KB_PERSONAL_DATA",
                    "the entry holds personal account data (address, tax or identity numbers)", violation.evidence());
            case ORDER -> new Refusal("KB_ORDER",
                    "the entry creates or promises an order or custom offer; only you make those, on the marketplace", violation.evidence());
            case OFFER -> new Refusal("KB_OFFER",
                    "the entry offers a discount, deal, bundle or free extra; the assistant cannot make offers (PA-FAQ-3)", violation.evidence());
            case UNLISTED_PRICE -> new Refusal("KB_UNLISTED_PRICE",
                    "the entry names a price that is not one of your package prices; change the package instead", violation.evidence());
        };
    }
}
