package app.go.domain.assistant;

import app.go.domain.conversation.Conversation;
import app.go.domain.port.ConversationStore;
import app.go.domain.port.SellerStore;
import app.go.domain.seller.Notification;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * PA-LIM-2, PA-SAFE-3: the daily limit is not silence. A conversation the assistant can no longer answer
 * today goes to the seller's inbox (handledBy SELLER), and the seller is told once per day of theirs
 * ({@value #NOTIFICATION}, id {@code daily-limit#<date>}). Safe to repeat: the handover and the day's
 * notification are both idempotent.
 */
final class DailyLimitReached {
    static final String NOTIFICATION = "DAILY_LIMIT_REACHED";
    private static final Log LOG = Log.get(DailyLimitReached.class);

    private final ConversationStore conversations;
    private final SellerStore sellers;
    private final Clock clock;

    DailyLimitReached(ConversationStore conversations, SellerStore sellers, Clock clock) {
        this.conversations = conversations;
        this.sellers = sellers;
        this.clock = clock;
    }

    void handOver(Conversation conversation, ZoneId sellerZone) {
        Instant now = clock.instant();
        if (!conversation.takenOverBySeller()) {
            conversations.handOverToSeller(conversation, now);
        }
        LocalDate today = LocalDate.ofInstant(now, sellerZone);
        if (sellers.addNotificationIfAbsent(conversation.sellerId(),
                new Notification("daily-limit#" + today, NOTIFICATION, conversation.conversationId(), now))) {
            LOG.info("daily limit reached: seller told", "sellerId", conversation.sellerId(), "day", today.toString());
        }
    }
}
