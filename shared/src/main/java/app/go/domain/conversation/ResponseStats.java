package app.go.domain.conversation;

/**
 * PA-BEH-8: how many of the seller's conversations got a response (the assistant's or the seller's
 * own) after the client wrote; the assistant's replies count like the seller's.
 */
public record ResponseStats(int conversations, int responded) {

    public double responseRate() {
        return conversations == 0 ? 0.0 : (double) responded / conversations;
    }
}
