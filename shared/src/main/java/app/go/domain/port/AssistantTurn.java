package app.go.domain.port;

import app.go.domain.assistant.HandoffReason;
import app.go.domain.assistant.Requirements;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The model's one decision on a client's message (issue 7): what to say, in which language, and
 * what to do: answer, gather the requirements still missing, or hand over to the seller for the
 * given reasons. {@code blocked} is true when a guardrail stopped the reply; what a blocked reply
 * becomes is the output policy's decision.
 *
 * @param language           BCP-47 tag of the language the reply is written in (the client's)
 * @param languageConfidence 0..1, how sure the model is of the client's language
 */
public record AssistantTurn(String reply, String language, double languageConfidence, Intent intent,
                            Set<HandoffReason> handoffReasons, Requirements requirements, boolean blocked,
                            Completion.TokenUsage usage) {

    /**
     * {@code CANNOT_ANSWER}: the client asked something the seller's sources do not answer; the reply
     * says so, and the question is listed for the seller (PA-KB-3).
     */
    public enum Intent { ANSWER, GATHER_REQUIREMENTS, HAND_OVER, CANNOT_ANSWER }

    public AssistantTurn {
        reply = reply == null ? "" : reply.strip();
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(intent, "intent");
        languageConfidence = Math.max(0, Math.min(1, languageConfidence));
        Set<HandoffReason> reasons = EnumSet.noneOf(HandoffReason.class);
        if (handoffReasons != null) {
            reasons.addAll(handoffReasons);
        }
        if (intent == Intent.HAND_OVER && reasons.isEmpty()) {
            throw new IllegalArgumentException("a turn that hands over names its reason");
        }
        if (intent != Intent.HAND_OVER) {
            reasons.clear();
        }
        handoffReasons = Collections.unmodifiableSet(reasons);
        requirements = requirements == null ? Requirements.NONE : requirements;
        usage = usage == null ? new Completion.TokenUsage(0, 0) : usage;
    }

    public boolean handsOver() {
        return intent == Intent.HAND_OVER;
    }

    /** The same decision handing over for {@code reasons} (added to the model's own), with another reply. */
    public AssistantTurn handingOver(Set<HandoffReason> reasons, String newReply) {
        Set<HandoffReason> all = EnumSet.noneOf(HandoffReason.class);
        all.addAll(handoffReasons);
        all.addAll(reasons);
        return new AssistantTurn(newReply, language, languageConfidence, Intent.HAND_OVER, all, requirements, blocked, usage);
    }

    public AssistantTurn withReply(String newReply) {
        return new AssistantTurn(newReply, language, languageConfidence, intent, handoffReasons, requirements, blocked, usage);
    }

    /** The decision without a handoff (the seller's settings do not act on its reasons). */
    public AssistantTurn notHandingOver(String newReply) {
        Intent next = requirements.missing().isEmpty() ? Intent.ANSWER : Intent.GATHER_REQUIREMENTS;
        return new AssistantTurn(newReply, language, languageConfidence, next, Set.of(), requirements, blocked, usage);
    }

    public AssistantTurn withLanguage(String newLanguage, double confidence) {
        return new AssistantTurn(reply, newLanguage, confidence, intent, handoffReasons, requirements, blocked, usage);
    }
}
