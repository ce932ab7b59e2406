package app.go.domain.assistant;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Message;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * PA-SAFE-3: one conversation cannot spend the seller's whole daily budget. After
 * {@link #MAX_REPLIES_PER_DAY} assistant replies in one conversation on one day (the seller's day),
 * the conversation goes to the seller: it is handed over, the seller notified and the client told
 * in their language (the handoff workflow, reason {@link HandoffReason#CONVERSATION_CAP}).
 */
public final class ConversationReplyCap {
    /** A third of the seller's daily budget ({@link AssistantResponder#DAILY_MESSAGE_LIMIT}). */
    public static final int MAX_REPLIES_PER_DAY = 15;

    private ConversationReplyCap() {}

    public static boolean reached(List<Message> conversationMessages, LocalDate today, ZoneId sellerZone) {
        long repliesToday = conversationMessages.stream()
                .filter(m -> m.author() == Author.ASSISTANT)
                .filter(m -> LocalDate.ofInstant(m.createdAt(), sellerZone).equals(today))
                .count();
        return repliesToday >= MAX_REPLIES_PER_DAY;
    }
}
