package app.go.domain.seller;

/** Lifecycle of a seller's Personal Assistant. */
public enum AssistantState { INACTIVE, TRAINING, ACTIVE, PAUSED }
