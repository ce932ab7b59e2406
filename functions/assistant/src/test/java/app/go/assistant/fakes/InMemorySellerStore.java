package app.go.assistant.fakes;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.Notification;
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

/** A SellerStore in memory, for unit tests. */
public final class InMemorySellerStore implements SellerStore {
    private final Map<String, SellerAccount> accounts = new HashMap<>();
    private final Map<String, SellerProfile> profiles = new HashMap<>();
    private final Map<String, List<SellerService>> services = new HashMap<>();
    private final Map<String, ClientRecord> clients = new HashMap<>();
    private final Map<String, String> firstContacts = new HashMap<>();
    private final Map<String, AssistantSettings> assistants = new HashMap<>();
    private final Map<String, List<Notification>> notifications = new HashMap<>();
    private final Map<String, Integer> quota = new HashMap<>();

    @Override
    public synchronized void saveAccount(SellerAccount account) {
        accounts.put(account.sellerId(), account);
    }

    @Override
    public synchronized Optional<SellerAccount> account(String sellerId) {
        return Optional.ofNullable(accounts.get(sellerId));
    }

    @Override
    public synchronized void saveProfile(String sellerId, SellerProfile profile) {
        profiles.put(sellerId, profile);
    }

    @Override
    public synchronized Optional<SellerProfile> profile(String sellerId) {
        return Optional.ofNullable(profiles.get(sellerId));
    }

    @Override
    public synchronized void saveService(String sellerId, SellerService service) {
        List<SellerService> list = services.computeIfAbsent(sellerId, k -> new ArrayList<>());
        list.removeIf(s -> s.serviceId().equals(service.serviceId()));
        list.add(service);
    }

    @Override
    public synchronized List<SellerService> services(String sellerId) {
        return List.copyOf(services.getOrDefault(sellerId, List.of()));
    }

    @Override
    public synchronized void saveClient(String sellerId, ClientRecord client) {
        clients.put(sellerId + "#" + client.clientId(), client);
    }

    @Override
    public synchronized Optional<ClientRecord> client(String sellerId, String clientId) {
        return Optional.ofNullable(clients.get(sellerId + "#" + clientId));
    }

    @Override
    public synchronized boolean registerFirstContact(String sellerId, String clientId, String conversationId) {
        return firstContacts.putIfAbsent(sellerId + "#" + clientId, conversationId) == null;
    }

    @Override
    public synchronized AssistantSettings assistant(String sellerId) {
        return assistants.getOrDefault(sellerId, AssistantSettings.initial());
    }

    @Override
    public synchronized void saveAssistant(String sellerId, AssistantSettings settings) {
        assistants.put(sellerId, settings);
    }

    @Override
    public synchronized void addNotification(String sellerId, Notification notification) {
        notifications.computeIfAbsent(sellerId, k -> new ArrayList<>()).add(notification);
    }

    @Override
    public synchronized List<Notification> notifications(String sellerId) {
        return List.copyOf(notifications.getOrDefault(sellerId, List.of()));
    }

    @Override
    public synchronized boolean tryCountAssistantMessage(String sellerId, LocalDate day, int limit) {
        String key = sellerId + "#" + day;
        int count = quota.getOrDefault(key, 0);
        if (count >= limit) {
            return false;
        }
        quota.put(key, count + 1);
        return true;
    }

    @Override
    public synchronized int assistantMessagesOn(String sellerId, LocalDate day) {
        return quota.getOrDefault(sellerId + "#" + day, 0);
    }
}
