package app.go.domain.creation;

/** What a subcategory's models learn from and produce. */
public enum MediaKind {
    IMAGE, AUDIO, TEXT
}
