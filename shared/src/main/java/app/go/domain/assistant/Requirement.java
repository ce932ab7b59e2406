package app.go.domain.assistant;

/** PA-BEH-1: what the assistant gathers from a client before the seller makes an offer. */
public enum Requirement {
    WHAT, SCOPE, DEADLINE, BUDGET, REFERENCES;

    /** The JSON name the model uses ({@code what}, {@code scope}, ...). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
