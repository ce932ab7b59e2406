package app.go.testing;

import app.go.domain.port.BillingStore;
import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.PaymentReservation;
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
    private final SellerItems<PaymentReservation> reservations = new SellerItems<>(PaymentReservation::accountId, PaymentReservation::key);
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
        return subscriptions.all().stream().filter(s -> s.dueAt(at))
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

    /** Every reservation of every account (test checks). */
    public synchronized List<PaymentReservation> reservations() {
        return reservations.all();
    }

    @Override
    public synchronized Reserve reserve(PaymentReservation next) {
        Optional<PaymentReservation> stored = reservations.get(next.accountId(), next.key());
        if (stored.isPresent() && (stored.get().status() != PaymentReservation.Status.RELEASED
                || stored.get().attempt() >= next.attempt())) {
            return Reserve.TAKEN;
        }
        if (next.fromBalanceCents() > 0) {
            if (balance(next.accountId()) < next.fromBalanceCents()) {
                return Reserve.INSUFFICIENT;
            }
            ledger.put(new LedgerEntry(next.balanceEntryId(), next.accountId(), LedgerEntry.Type.CHARGE, next.fromBalanceCents(),
                    LedgerEntry.Source.BALANCE, next.plan(), next.key(), next.reservedAt()));
            balances.merge(next.accountId(), -next.fromBalanceCents(), Long::sum);
        }
        reservations.put(next);
        return Reserve.RESERVED;
    }

    @Override
    public synchronized Optional<PaymentReservation> reservation(String accountId, String key) {
        return reservations.get(accountId, key);
    }

    @Override
    public synchronized boolean complete(PaymentReservation completed) {
        if (!reservedAttempt(completed)) {
            return false;
        }
        if (completed.purpose().ledgered() && completed.fromMethodCents() > 0) {
            ledger.putIfAbsent(new LedgerEntry(completed.methodEntryId(), completed.accountId(), LedgerEntry.Type.CHARGE,
                    completed.fromMethodCents(), LedgerEntry.sourceOf(completed.method()), completed.plan(), completed.chargeId(),
                    completed.reservedAt()));
        }
        reservations.put(completed);
        return true;
    }

    @Override
    public synchronized boolean release(PaymentReservation reservation) {
        if (!reservedAttempt(reservation)) {
            return false;
        }
        if (reservation.fromBalanceCents() > 0) {
            credit(new LedgerEntry(reservation.reversalEntryId(), reservation.accountId(), LedgerEntry.Type.REVERSAL,
                    reservation.fromBalanceCents(), LedgerEntry.Source.BALANCE, reservation.plan(), reservation.key(),
                    reservation.reservedAt()));
        }
        reservations.put(reservation.released());
        return true;
    }

    @Override
    public synchronized List<PaymentReservation> openReservations(Instant reservedBefore) {
        return reservations.all().stream().filter(r -> r.status() == PaymentReservation.Status.RESERVED)
                .filter(r -> !r.reservedAt().isAfter(reservedBefore))
                .sorted(Comparator.comparing(PaymentReservation::reservedAt)).toList();
    }

    private boolean reservedAttempt(PaymentReservation reservation) {
        return reservations.get(reservation.accountId(), reservation.key())
                .filter(r -> r.status() == PaymentReservation.Status.RESERVED && r.attempt() == reservation.attempt())
                .isPresent();
    }
}
