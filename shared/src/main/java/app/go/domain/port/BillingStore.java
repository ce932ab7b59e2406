package app.go.domain.port;

import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;

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
     * Replaces a subscription only if its stored {@code currentPeriodEnd} and {@code status} are still the
     * ones read (optimistic concurrency: a duplicate renewal cannot advance a period twice, and a renewal
     * cannot overwrite a cancel that landed after its read).
     */
    boolean replace(Subscription next, Instant expectedPeriodEnd, SubscriptionStatus expectedStatus);

    /** Deletes the seller's subscription to {@code plan} only if its period end and status are still the ones read. */
    boolean delete(String sellerId, Plan plan, Instant expectedPeriodEnd, SubscriptionStatus expectedStatus);

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
