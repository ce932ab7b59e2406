package app.go.api.fakes;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.Notification;
import app.go.domain.seller.Presence;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.seller.SellerStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Just enough of the seller store for billing: accounts, assistant settings, notifications. */
public final class InMemorySellerStore implements SellerStore {
    private final Map<String, SellerAccount> accounts = new HashMap<>();
    private final Map<String, AssistantSettings> assistants = new HashMap<>();
    private final Map<String, List<Notification>> notifications = new HashMap<>();
    private final Map<String, Presence> presences = new HashMap<>();
    private final Map<String, Integer> tries = new HashMap<>();

    @Override public synchronized void saveAccount(SellerAccount account) { accounts.put(account.sellerId(), account); }
    @Override public synchronized Optional<SellerAccount> account(String sellerId) { return Optional.ofNullable(accounts.get(sellerId)); }
    @Override public void saveProfile(String sellerId, SellerProfile profile) { throw new UnsupportedOperationException(); }
    @Override public Optional<SellerProfile> profile(String sellerId) { return Optional.empty(); }
    @Override public void saveService(String sellerId, SellerService service) { throw new UnsupportedOperationException(); }
    @Override public List<SellerService> services(String sellerId) { return List.of(); }
    @Override public void saveClient(String sellerId, ClientRecord client) { throw new UnsupportedOperationException(); }
    @Override public Optional<ClientRecord> client(String sellerId, String clientId) { return Optional.empty(); }
    @Override public boolean registerFirstContact(String sellerId, String clientId, String conversationId) { return false; }
    @Override public synchronized AssistantSettings assistant(String sellerId) { return assistants.getOrDefault(sellerId, AssistantSettings.initial()); }
    @Override public synchronized void saveAssistant(String sellerId, AssistantSettings settings) { assistants.put(sellerId, settings); }
    @Override public synchronized void addNotification(String sellerId, Notification n) { notifications.computeIfAbsent(sellerId, k -> new ArrayList<>()).add(n); }
    @Override public synchronized List<Notification> notifications(String sellerId) { return List.copyOf(notifications.getOrDefault(sellerId, List.of())); }
    @Override public boolean tryCountAssistantMessage(String sellerId, LocalDate day, int limit) { return true; }
    @Override public int assistantMessagesOn(String sellerId, LocalDate day) { return 0; }
    @Override public synchronized Presence presence(String sellerId) { return presences.getOrDefault(sellerId, Presence.UNKNOWN); }
    @Override public synchronized void savePresence(String sellerId, Presence presence) { presences.put(sellerId, presence); }
    @Override public synchronized boolean tryCountAssistantTry(String sellerId, int limit) {
        int count = tries.getOrDefault(sellerId, 0);
        if (count >= limit) {
            return false;
        }
        tries.put(sellerId, count + 1);
        return true;
    }
    @Override public synchronized int assistantTries(String sellerId) { return tries.getOrDefault(sellerId, 0); }
}
