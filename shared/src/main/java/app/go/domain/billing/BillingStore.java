package app.go.domain.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to subscriptions, balance and ledger; every key is the seller's own. Amounts are cents. */
public interface BillingStore {

    Optional<Subscription> subscription(String sellerId, Plan plan);

    List<Subscription> subscriptions(String sellerId);

    /** Stores a new subscription unless the seller has one of this plan that has not ENDED. */
    boolean create(Subscription subscription);

    /**
     * Replaces a subscription only if its stored {@code currentPeriodEnd} is still {@code expectedPeriodEnd}
     * (optimistic concurrency: a duplicate renewal cannot advance a period twice).
     */
    boolean replace(Subscription next, Instant expectedPeriodEnd);

    /** Subscriptions still ACTIVE or CANCELLED_AT_PERIOD_END whose period ended at or before {@code at}. */
    List<Subscription> dueForRenewal(Instant at);

    long balance(String sellerId);

    /** Adds the entry's amount to the balance and writes the entry, once per entry id; false if the id was used. */
    boolean credit(LedgerEntry entry);

    enum Debit { DEBITED, ALREADY_DONE, INSUFFICIENT }

    /** Takes the entry's amount from the balance (never below zero) and writes the entry, once per entry id. */
    Debit debit(LedgerEntry entry);

    /** Writes an entry that does not move the balance (a charge to the payment method), once per id. */
    boolean record(LedgerEntry entry);

    Optional<LedgerEntry> ledgerEntry(String sellerId, String entryId);

    /** The seller's ledger, oldest first. */
    List<LedgerEntry> ledger(String sellerId);
}
