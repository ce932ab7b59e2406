package app.go.domain.assistant;

import app.go.domain.port.AssistantTurn;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The model's structured turn on one client message as it was stored with the conversation
 * (PA-BEH-5): what the client wrote, the language, what the assistant decided, the requirements
 * gathered so far in the client's own words, and those still missing. Handoff briefs, follow-ups and
 * the list of unanswered questions are written from these, never from reply text.
 *
 * @param messageId       the client's message the turn answers
 * @param declinedReasons reasons the model named that the seller's settings do not act on (the
 *                        client was not forwarded, PA-BEH-6)
 */
public record TurnRecord(String messageId, Instant at, String clientText, String language, AssistantTurn.Intent intent,
                         Set<HandoffReason> handoffReasons, Set<HandoffReason> declinedReasons,
                         Map<Requirement, String> gathered, Set<Requirement> missing) {

    public TurnRecord {
        handoffReasons = copy(handoffReasons);
        declinedReasons = copy(declinedReasons);
        EnumMap<Requirement, String> words = new EnumMap<>(Requirement.class);
        if (gathered != null) {
            words.putAll(gathered);
        }
        gathered = Collections.unmodifiableMap(words);
        EnumSet<Requirement> open = EnumSet.noneOf(Requirement.class);
        if (missing != null) {
            open.addAll(missing);
        }
        missing = Collections.unmodifiableSet(open);
    }

    /** The record of {@code turn}, the decision sent on the client's {@code clientText}. */
    public static TurnRecord of(String messageId, Instant at, String clientText, AssistantTurn turn, Set<HandoffReason> declined) {
        return new TurnRecord(messageId, at, clientText, turn.language(), turn.intent(), turn.handoffReasons(), declined,
                turn.requirements().gathered(), turn.requirements().missing());
    }

    /** The assistant could not answer the client's question from the seller's sources (PA-KB-3). */
    public boolean couldNotAnswer() {
        return intent == AssistantTurn.Intent.CANNOT_ANSWER || handoffReasons.contains(HandoffReason.COMPLEX_REQUEST);
    }

    public boolean notForwarded() {
        return !declinedReasons.isEmpty() && intent != AssistantTurn.Intent.HAND_OVER;
    }

    private static Set<HandoffReason> copy(Set<HandoffReason> reasons) {
        EnumSet<HandoffReason> copy = EnumSet.noneOf(HandoffReason.class);
        if (reasons != null) {
            copy.addAll(reasons);
        }
        return Collections.unmodifiableSet(copy);
    }
}
