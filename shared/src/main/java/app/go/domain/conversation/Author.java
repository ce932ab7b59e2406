package app.go.domain.conversation;

public enum Author { CLIENT, ASSISTANT, SELLER }
