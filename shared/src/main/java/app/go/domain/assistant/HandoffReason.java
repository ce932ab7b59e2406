package app.go.domain.assistant;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** PA-BEH-3: why the seller may be needed in a conversation. */
public enum HandoffReason {
    /** The client wants a custom offer; offers are the seller's act (PA-FAQ-3). */
    CUSTOM_OFFER(List.of("custom offer", "special offer", "discount", "custom quote", "oferta personalizada", "offre personnalisée", "individuelles angebot", "rabatt")),
    /** The client asks to talk to the seller. */
    ASKED_FOR_SELLER(List.of("talk to the seller", "speak to the seller", "real person", "human", "hablar con el vendedor", "parler au vendeur", "mit dem verkäufer", "persönlich")),
    /** A request too complex for the assistant. */
    COMPLEX_REQUEST(List.of("contract", "nda", "legal", "lawyer", "enterprise", "vertrag")),
    /** PA-SAFE-3: the conversation used its day's share of assistant replies ({@link ConversationReplyCap}); no cue, set by the responder. */
    CONVERSATION_CAP(List.of());

    private final List<String> cues;

    HandoffReason(List<String> cues) {
        this.cues = cues;
    }

    /** The reasons a client's message gives, found by cue phrases (the seller's settings decide what to act on). */
    public static Set<HandoffReason> detect(String text) {
        Set<HandoffReason> found = EnumSet.noneOf(HandoffReason.class);
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (HandoffReason reason : values()) {
            if (reason.cues.stream().anyMatch(lower::contains)) {
                found.add(reason);
            }
        }
        return found;
    }
}
