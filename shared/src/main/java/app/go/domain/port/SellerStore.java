package app.go.domain.port;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.Notification;
import app.go.domain.seller.Presence;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.knowledge.ToneProfile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port to the seller's data; every key is the seller's own (DATA-2). */
public interface SellerStore {

    void saveAccount(SellerAccount account);

    Optional<SellerAccount> account(String sellerId);

    void saveProfile(String sellerId, SellerProfile profile);

    Optional<SellerProfile> profile(String sellerId);

    void saveService(String sellerId, SellerService service);

    List<SellerService> services(String sellerId);

    void saveClient(String sellerId, ClientRecord client);

    Optional<ClientRecord> client(String sellerId, String clientId);

    /**
     * Records the first conversation of a client with the seller (and when it was started).
     *
     * @return true if this is the client's first contact with the seller (PA-ACT-1); true again for the same
     *         conversation (a retried start), and for another conversation started within {@code retryWindow}
     *         of the first (a start retried without Idempotency-Key after a lost answer is no returning client)
     */
    boolean registerFirstContact(String sellerId, String clientId, String conversationId, java.time.Instant at,
                                 java.time.Duration retryWindow);

    AssistantSettings assistant(String sellerId);

    void saveAssistant(String sellerId, AssistantSettings settings);

    void addNotification(String sellerId, Notification notification);

    List<Notification> notifications(String sellerId);

    /**
     * Adds the notification unless one with the same id was added before, so a retried step with a
     * deterministic id notifies the seller once (PA-BEH-4).
     *
     * @return false, adding nothing, when a notification with that id exists
     */
    default boolean addNotificationIfAbsent(String sellerId, Notification notification) {
        if (notifications(sellerId).stream().anyMatch(n -> n.id().equals(notification.id()))) {
            return false;
        }
        addNotification(sellerId, notification);
        return true;
    }

    /**
     * Counts one assistant message toward the seller's daily limit (PA-LIM-2).
     *
     * @return false, counting nothing, when {@code limit} messages were already sent that day
     */
    boolean tryCountAssistantMessage(String sellerId, LocalDate day, int limit);

    /**
     * {@link #tryCountAssistantMessage(String, LocalDate, int)} at most once per {@code replyId}: a
     * retry after a crash between counting and storing the reply finds it counted (true) instead of
     * spending the budget twice.
     */
    boolean tryCountAssistantMessage(String sellerId, LocalDate day, int limit, String replyId);

    int assistantMessagesOn(String sellerId, LocalDate day);

    /** Online / out of office as the seller's apps last reported it (PA-AV-2, PA-ACT-4). */
    Presence presence(String sellerId);

    void savePresence(String sellerId, Presence presence);

    /**
     * Counts one try of the assistant before activation (PA-LIM-1).
     *
     * @return false, counting nothing, when {@code limit} tries were already made
     */
    boolean tryCountAssistantTry(String sellerId, int limit);

    /** Gives back one counted try (the model could not answer it); never below zero. */
    void returnAssistantTry(String sellerId);

    default int assistantTries(String sellerId) {
        return 0;
    }

    /**
     * What answering one message reads of the seller, in one round trip where the store allows
     * (issue 7 item 5). {@code counts} has the daily reply counts of the UTC day before, of and after
     * {@code utcDay}, so the seller's own day is among them whatever their zone.
     *
     * @param tone null when this store does not hold the tone (then the knowledge store is asked)
     */
    record ReplyView(Optional<SellerAccount> account, AssistantSettings settings, Presence presence,
                     Optional<SellerProfile> profile, Optional<ClientRecord> client, Map<LocalDate, Integer> counts,
                     Optional<ToneProfile> tone) {
        public int countOn(LocalDate day) {
            return counts.getOrDefault(day, 0);
        }
    }

    default ReplyView replyView(String sellerId, String clientId, LocalDate utcDay) {
        Map<LocalDate, Integer> counts = new java.util.HashMap<>();
        for (LocalDate day = utcDay.minusDays(1); !day.isAfter(utcDay.plusDays(1)); day = day.plusDays(1)) {
            counts.put(day, assistantMessagesOn(sellerId, day));
        }
        return new ReplyView(account(sellerId), assistant(sellerId), presence(sellerId), profile(sellerId),
                client(sellerId, clientId), counts, null);
    }
}
