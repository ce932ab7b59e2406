package app.go.testing;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** SellerStore in memory, for rule tests. */
public final class InMemorySellerStore implements SellerStore {
    private final Map<String, SellerAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, SellerProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, Map<String, SellerService>> services = new ConcurrentHashMap<>();
    private final Map<String, ClientRecord> clients = new ConcurrentHashMap<>();
    private final Map<String, String> firstContacts = new ConcurrentHashMap<>();
    private final Map<String, AssistantSettings> assistants = new ConcurrentHashMap<>();
    private final Map<String, List<Notification>> notifications = new ConcurrentHashMap<>();
    private final Map<String, Integer> quota = new ConcurrentHashMap<>();
    private final Map<String, Presence> presences = new ConcurrentHashMap<>();
    private final Map<String, Integer> tries = new ConcurrentHashMap<>();

    @Override
    public void saveAccount(SellerAccount account) {
        accounts.put(account.sellerId(), account);
    }

    @Override
    public Optional<SellerAccount> account(String sellerId) {
        return Optional.ofNullable(accounts.get(sellerId));
    }

    @Override
    public void saveProfile(String sellerId, SellerProfile profile) {
        profiles.put(sellerId, profile);
    }

    @Override
    public Optional<SellerProfile> profile(String sellerId) {
        return Optional.ofNullable(profiles.get(sellerId));
    }

    @Override
    public void saveService(String sellerId, SellerService service) {
        services.computeIfAbsent(sellerId, k -> new ConcurrentHashMap<>()).put(service.serviceId(), service);
    }

    @Override
    public List<SellerService> services(String sellerId) {
        return List.copyOf(services.getOrDefault(sellerId, Map.of()).values());
    }

    @Override
    public void saveClient(String sellerId, ClientRecord client) {
        clients.put(sellerId + "/" + client.clientId(), client);
    }

    @Override
    public Optional<ClientRecord> client(String sellerId, String clientId) {
        return Optional.ofNullable(clients.get(sellerId + "/" + clientId));
    }

    @Override
    public boolean registerFirstContact(String sellerId, String clientId, String conversationId) {
        return firstContacts.putIfAbsent(sellerId + "/" + clientId, conversationId) == null;
    }

    @Override
    public AssistantSettings assistant(String sellerId) {
        return assistants.getOrDefault(sellerId, AssistantSettings.initial());
    }

    @Override
    public void saveAssistant(String sellerId, AssistantSettings settings) {
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
        String key = sellerId + "/" + day;
        int count = quota.getOrDefault(key, 0);
        if (count >= limit) {
            return false;
        }
        quota.put(key, count + 1);
        return true;
    }

    @Override
    public int assistantMessagesOn(String sellerId, LocalDate day) {
        return quota.getOrDefault(sellerId + "/" + day, 0);
    }

    @Override
    public Presence presence(String sellerId) {
        return presences.getOrDefault(sellerId, Presence.UNKNOWN);
    }

    @Override
    public void savePresence(String sellerId, Presence presence) {
        presences.put(sellerId, presence);
    }

    @Override
    public synchronized boolean tryCountAssistantTry(String sellerId, int limit) {
        int count = tries.getOrDefault(sellerId, 0);
        if (count >= limit) {
            return false;
        }
        tries.put(sellerId, count + 1);
        return true;
    }

    @Override
    public int assistantTries(String sellerId) {
        return tries.getOrDefault(sellerId, 0);
    }
}
