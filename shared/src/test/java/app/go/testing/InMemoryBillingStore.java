package app.go.testing;

import app.go.domain.port.BillingStore;
import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** BillingStore in memory, with the same conditional writes as the DynamoDB adapter. */
public final class InMemoryBillingStore implements BillingStore {
    private final SellerItems<Subscription> subscriptions = new SellerItems<>(Subscription::sellerId, s -> s.plan().name());
    private final SellerItems<LedgerEntry> ledger = new SellerItems<>(LedgerEntry::sellerId, LedgerEntry::id);
    private final Map<String, Long> balances = new HashMap<>();
    private Runnable beforeNextReplace = () -> { };

    /** Stores the subscription as is, replacing any of the same seller and plan (test setup). */
    public synchronized void put(Subscription subscription) {
        subscriptions.put(subscription);
    }

    /** Runs {@code action} once, inside the next replace and before its condition is checked (a write landing in between). */
    public synchronized void beforeNextReplace(Runnable action) {
        beforeNextReplace = action;
    }

    /** Sets the balance without a ledger entry (test setup). */
    public synchronized void setBalance(String sellerId, long cents) {
        balances.put(sellerId, cents);
    }

    @Override
    public synchronized Optional<Subscription> subscription(String sellerId, Plan plan) {
        return subscriptions.get(sellerId, plan.name());
    }

    @Override
    public synchronized List<Subscription> subscriptions(String sellerId) {
        return subscriptions.of(sellerId);
    }

    @Override
    public synchronized boolean create(Subscription subscription) {
        Optional<Subscription> existing = subscription(subscription.sellerId(), subscription.plan());
        if (existing.isPresent() && existing.get().status() != SubscriptionStatus.ENDED) {
            return false;
        }
        subscriptions.put(subscription);
        return true;
    }

    @Override
    public synchronized boolean replace(Subscription next, Instant expectedPeriodEnd, SubscriptionStatus expectedStatus) {
        Runnable interleaved = beforeNextReplace;
        beforeNextReplace = () -> { };
        interleaved.run();
        return subscriptions.replace(next.sellerId(), next.plan().name(),
                stored -> stored.currentPeriodEnd().equals(expectedPeriodEnd) && stored.status() == expectedStatus,
                stored -> next);
    }

    @Override
    public synchronized boolean delete(String sellerId, Plan plan, Instant expectedPeriodEnd, SubscriptionStatus expectedStatus) {
        Optional<Subscription> stored = subscription(sellerId, plan);
        if (stored.isEmpty() || !stored.get().currentPeriodEnd().equals(expectedPeriodEnd) || stored.get().status() != expectedStatus) {
            return false;
        }
        subscriptions.remove(sellerId, plan.name());
        return true;
    }

    @Override
    public synchronized List<Subscription> dueForRenewal(Instant at) {
        return subscriptions.all().stream().filter(s -> s.status().awaitsPeriodEnd())
                .filter(s -> !s.currentPeriodEnd().isAfter(at))
                .sorted(Comparator.comparing(Subscription::currentPeriodEnd)).toList();
    }

    @Override
    public synchronized long balance(String sellerId) {
        return balances.getOrDefault(sellerId, 0L);
    }

    @Override
    public synchronized boolean credit(LedgerEntry entry) {
        if (!ledger.putIfAbsent(entry)) {
            return false;
        }
        balances.merge(entry.sellerId(), entry.amountCents(), Long::sum);
        return true;
    }

    @Override
    public synchronized Debit debit(LedgerEntry entry) {
        if (ledger.get(entry.sellerId(), entry.id()).isPresent()) {
            return Debit.ALREADY_DONE;
        }
        if (balance(entry.sellerId()) < entry.amountCents()) {
            return Debit.INSUFFICIENT;
        }
        ledger.put(entry);
        balances.merge(entry.sellerId(), -entry.amountCents(), Long::sum);
        return Debit.DEBITED;
    }

    @Override
    public synchronized boolean record(LedgerEntry entry) {
        return ledger.putIfAbsent(entry);
    }

    @Override
    public synchronized Optional<LedgerEntry> ledgerEntry(String sellerId, String entryId) {
        return ledger.get(sellerId, entryId);
    }

    @Override
    public synchronized List<LedgerEntry> ledger(String sellerId) {
        return ledger.of(sellerId);
    }
}
