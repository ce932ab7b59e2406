package app.go.domain.assistant;

/**
 * PA-BEH-3: why the seller may be needed in a conversation. The model names the reason in its turn
 * ({@link app.go.domain.port.AssistantTurn}); {@link HandoffCueClassifier} is the floor for an
 * explicit request for the seller; the seller's handoff settings decide which reasons act.
 */
public enum HandoffReason {
    /** The client wants a custom offer; offers are the seller's act (PA-FAQ-3). */
    CUSTOM_OFFER,
    /** The client asks to talk to the seller (or a human). */
    ASKED_FOR_SELLER,
    /** A request too complex for the assistant. */
    COMPLEX_REQUEST,
    /** PA-SAFE-3: the conversation used its day's share of assistant replies ({@link ConversationReplyCap}); set by the responder, never by a cue. */
    CONVERSATION_CAP
}
