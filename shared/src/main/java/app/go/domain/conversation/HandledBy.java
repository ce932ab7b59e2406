package app.go.domain.conversation;

/** Who answers the client now: the assistant, or the seller after a handoff or takeover. */
public enum HandledBy { ASSISTANT, SELLER }
