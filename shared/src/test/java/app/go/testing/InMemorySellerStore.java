package app.go.testing;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.Notification;
import app.go.domain.seller.Presence;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.port.SellerStore;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private final Map<String, java.time.Instant> firstContactTimes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AssistantSettings> assistants = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Notification>> notifications = new ConcurrentHashMap<>();
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
    public synchronized void saveService(String sellerId, SellerService service) {
        services.computeIfAbsent(sellerId, k -> new LinkedHashMap<>()).put(service.serviceId(), service);
    }

    @Override
    public synchronized List<SellerService> services(String sellerId) {
        return List.copyOf(services.getOrDefault(sellerId, Map.of()).values());
    }

    /** CM-CAT-2: a service in each of the given subcategories, so models of them can be created. */
    public void offers(String sellerId, String... subcategories) {
        for (String subcategory : subcategories) {
            saveService(sellerId, new SellerService("svc-" + subcategory.toLowerCase(Locale.ROOT),
                    subcategory, null, subcategory, List.of(), List.of()));
        }
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
    public boolean registerFirstContact(String sellerId, String clientId, String conversationId, java.time.Instant at,
                                        java.time.Duration retryWindow) {
        String key = sellerId + "/" + clientId;
        String first = firstContacts.putIfAbsent(key, conversationId);
        firstContactTimes.putIfAbsent(key, at);
        return first == null || first.equals(conversationId) || firstContactTimes.get(key).isAfter(at.minus(retryWindow));
    }

    @Override
    public AssistantSettings assistant(String sellerId) {
        return assistants.getOrDefault(sellerId, AssistantSettings.initial());
    }

    @Override
    public void saveAssistant(String sellerId, AssistantSettings settings) {
        assistants.put(sellerId, settings);
    }

    /** Keyed like the table, by time and id: adding the same notification again changes nothing. */
    @Override
    public synchronized void addNotification(String sellerId, Notification notification) {
        notifications.computeIfAbsent(sellerId, k -> new LinkedHashMap<>())
                .put(notification.createdAt() + "#" + notification.id(), notification);
    }

    @Override
    public synchronized List<Notification> notifications(String sellerId) {
        return List.copyOf(notifications.getOrDefault(sellerId, Map.of()).values());
    }

    @Override
    public synchronized boolean addNotificationIfAbsent(String sellerId, Notification notification) {
        return SellerStore.super.addNotificationIfAbsent(sellerId, notification);
    }

    @Override
    public synchronized boolean tryCountAssistantMessage(String sellerId, LocalDate day, int limit, String replyId) {
        if (countedReplies.contains(sellerId + "/" + day + "/" + replyId)) {
            return true;
        }
        boolean counted = tryCountAssistantMessage(sellerId, day, limit);
        if (counted) {
            countedReplies.add(sellerId + "/" + day + "/" + replyId);
        }
        return counted;
    }

    private final java.util.Set<String> countedReplies = new java.util.HashSet<>();

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
    public synchronized void returnAssistantTry(String sellerId) {
        tries.computeIfPresent(sellerId, (id, count) -> Math.max(0, count - 1));
    }

    @Override
    public int assistantTries(String sellerId) {
        return tries.getOrDefault(sellerId, 0);
    }
}
