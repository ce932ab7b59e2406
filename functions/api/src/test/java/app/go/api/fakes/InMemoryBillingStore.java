package app.go.api.fakes;

import app.go.domain.billing.BillingStore;
import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The billing store's contract in memory, with the same conditional semantics as DynamoDB. */
public final class InMemoryBillingStore implements BillingStore {
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, LedgerEntry> ledger = new LinkedHashMap<>();

    private static String id(String sellerId, Plan plan) {
        return sellerId + "#" + plan;
    }

    public synchronized void put(Subscription subscription) {
        subscriptions.put(id(subscription.sellerId(), subscription.plan()), subscription);
    }

    @Override
    public synchronized Optional<Subscription> subscription(String sellerId, Plan plan) {
        return Optional.ofNullable(subscriptions.get(id(sellerId, plan)));
    }

    @Override
    public synchronized List<Subscription> subscriptions(String sellerId) {
        return subscriptions.values().stream().filter(s -> s.sellerId().equals(sellerId)).toList();
    }

    @Override
    public synchronized boolean create(Subscription subscription) {
        Subscription existing = subscriptions.get(id(subscription.sellerId(), subscription.plan()));
        if (existing != null && existing.status() != app.go.domain.billing.SubscriptionStatus.ENDED) {
            return false;
        }
        put(subscription);
        return true;
    }

    @Override
    public synchronized boolean replace(Subscription next, Instant expectedPeriodEnd) {
        Subscription existing = subscriptions.get(id(next.sellerId(), next.plan()));
        if (existing == null || !existing.currentPeriodEnd().equals(expectedPeriodEnd)) {
            return false;
        }
        put(next);
        return true;
    }

    @Override
    public synchronized List<Subscription> dueForRenewal(Instant at) {
        return subscriptions.values().stream().filter(s -> s.status().awaitsPeriodEnd())
                .filter(s -> !s.currentPeriodEnd().isAfter(at))
                .sorted(Comparator.comparing(Subscription::currentPeriodEnd)).toList();
    }

    @Override
    public synchronized long balance(String sellerId) {
        return balances.getOrDefault(sellerId, 0L);
    }

    public synchronized void setBalance(String sellerId, long cents) {
        balances.put(sellerId, cents);
    }

    @Override
    public synchronized boolean credit(LedgerEntry entry) {
        if (!record(entry)) {
            return false;
        }
        balances.merge(entry.sellerId(), entry.amountCents(), Long::sum);
        return true;
    }

    @Override
    public synchronized Debit debit(LedgerEntry entry) {
        if (ledger.containsKey(key(entry.sellerId(), entry.id()))) {
            return Debit.ALREADY_DONE;
        }
        if (balance(entry.sellerId()) < entry.amountCents()) {
            return Debit.INSUFFICIENT;
        }
        record(entry);
        balances.merge(entry.sellerId(), -entry.amountCents(), Long::sum);
        return Debit.DEBITED;
    }

    @Override
    public synchronized boolean record(LedgerEntry entry) {
        return ledger.putIfAbsent(key(entry.sellerId(), entry.id()), entry) == null;
    }

    @Override
    public synchronized Optional<LedgerEntry> ledgerEntry(String sellerId, String entryId) {
        return Optional.ofNullable(ledger.get(key(sellerId, entryId)));
    }

    @Override
    public synchronized List<LedgerEntry> ledger(String sellerId) {
        return new ArrayList<>(ledger.values().stream().filter(e -> e.sellerId().equals(sellerId)).toList());
    }

    private static String key(String sellerId, String entryId) {
        return sellerId + "#" + entryId;
    }
}
