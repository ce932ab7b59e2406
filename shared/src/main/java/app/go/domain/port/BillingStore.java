package app.go.domain.port;

import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.PaymentReservation;
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

    /**
     * Subscriptions the billing schedule has to look at as of {@code at} ({@link Subscription#dueAt}): ACTIVE or
     * CANCELLED_AT_PERIOD_END whose period ended, PAST_DUE whose next retry is due (BILL-11).
     */
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

    // ---- payment reservations (BILL-13) ----------------------------------------------------------

    enum Reserve { RESERVED, TAKEN, INSUFFICIENT }

    /**
     * Writes {@code next} (status RESERVED) and takes its balance part from the account's balance, with the ledger
     * entry {@link PaymentReservation#balanceEntryId()}, in one conditional write: only if the key has no
     * reservation yet, or its stored one is RELEASED with an earlier attempt (TAKEN otherwise), and only if the
     * balance still holds the part (INSUFFICIENT otherwise: read it again).
     */
    Reserve reserve(PaymentReservation next);

    Optional<PaymentReservation> reservation(String accountId, String key);

    /**
     * RESERVED → COMPLETED for the same attempt, with the method's ledger entry ({@link PaymentReservation#methodEntryId()})
     * when it is ledgered and the method paid a part, in one write; false if it is no longer RESERVED.
     */
    boolean complete(PaymentReservation completed);

    /**
     * RESERVED → RELEASED for the same attempt, crediting the balance part back
     * ({@link PaymentReservation#reversalEntryId()}) in the same write; false if it is no longer RESERVED.
     */
    boolean release(PaymentReservation reservation);

    /** RESERVED reservations written at or before {@code reservedBefore}, oldest first (the sweeper's work). */
    List<PaymentReservation> openReservations(Instant reservedBefore);
}
