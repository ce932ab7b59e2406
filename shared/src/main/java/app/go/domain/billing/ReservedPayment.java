package app.go.domain.billing;

import app.go.domain.port.BillingStore;
import app.go.domain.port.PaymentGateway;
import app.go.support.errors.DomainException;

import java.time.Instant;
import java.util.Optional;

/**
 * BILL-13 with BILL-3: a payment reserves its business key before any money moves, then charges the
 * payment method with the reservation's charge key, then completes (or, declined, releases) the
 * reservation. The balance pays first when {@code balanceFirst} (renewals, upgrades): how much it pays
 * is decided once, in the conditional write that creates the reservation and debits the balance, so
 * concurrent or repeated attempts of one key always charge the method the same amount with the same key.
 */
final class ReservedPayment {

    /** A paid reservation, or a declined one (released: its balance part went back). */
    record Result(PaymentReservation reservation, String declineReason) {
        boolean declined() {
            return declineReason != null;
        }

        String chargeId() {
            return reservation.chargeId();
        }
    }

    private final BillingStore store;
    private final PaymentGateway gateway;

    ReservedPayment(BillingStore store, PaymentGateway gateway) {
        this.store = store;
        this.gateway = gateway;
    }

    Optional<PaymentReservation> reservation(String accountId, String key) {
        return store.reservation(accountId, key);
    }

    /**
     * The key's live reservation (RESERVED or COMPLETED), or a new one: attempt 1, or the one after a
     * released attempt (another card after a decline is a new attempt of the same business key).
     */
    PaymentReservation reserveNext(String key, PaymentReservation.Purpose purpose, String accountId, Plan plan,
                                   PaymentMethod method, long priceCents, boolean balanceFirst, Instant now) {
        return reserve(key, 0, purpose, accountId, plan, method, priceCents, balanceFirst, now);
    }

    /**
     * The reservation of exactly {@code attempt} (renewals: attempt = declines so far + 1): the stored one
     * when it is that attempt or a later one, else a new one replacing the released earlier attempt.
     */
    PaymentReservation reserveAttempt(String key, int attempt, PaymentReservation.Purpose purpose, String accountId, Plan plan,
                                      PaymentMethod method, long priceCents, Instant now) {
        return reserve(key, attempt, purpose, accountId, plan, method, priceCents, true, now);
    }

    private PaymentReservation reserve(String key, int attempt, PaymentReservation.Purpose purpose, String accountId, Plan plan,
                                       PaymentMethod method, long priceCents, boolean balanceFirst, Instant now) {
        for (int round = 0; round < 5; round++) {
            Optional<PaymentReservation> stored = store.reservation(accountId, key);
            if (stored.isPresent() && (attempt == 0 ? stored.get().status() != PaymentReservation.Status.RELEASED
                    : stored.get().attempt() >= attempt)) {
                return stored.get();
            }
            int next = attempt == 0 ? stored.map(r -> r.attempt() + 1).orElse(1) : attempt;
            long fromBalance = balanceFirst && purpose.ledgered() ? Math.min(store.balance(accountId), priceCents) : 0;
            PaymentReservation reservation = new PaymentReservation(key, purpose, accountId, next, priceCents, fromBalance,
                    method, plan, PaymentReservation.Status.RESERVED, null, BillingPeriods.normalize(now));
            if (store.reserve(reservation) == BillingStore.Reserve.RESERVED) {
                return reservation;
            }
            // TAKEN: another attempt wrote it first (use theirs); INSUFFICIENT: the balance moved (split again)
        }
        throw new DomainException(DomainException.Kind.CONFLICT, "PAYMENT_IN_PROGRESS", "this payment is being processed; retry");
    }

    /**
     * Charges what the reservation leaves to the payment method (nothing when the balance paid all) and
     * settles it. Repeating it is harmless: a COMPLETED reservation is returned as paid, and the gateway
     * answers a repeated charge key with its first answer. A RELEASED one reads as declined.
     */
    Result pay(PaymentReservation reservation) {
        switch (reservation.status()) {
            case COMPLETED:
                return new Result(reservation, null);
            case RELEASED:
                return new Result(reservation, "released");
            default:
                break;
        }
        String chargeId = null;
        if (reservation.fromMethodCents() > 0) {
            PaymentGateway.ChargeResult result = gateway.charge(reservation.accountId(), reservation.method(),
                    reservation.fromMethodCents(), reservation.chargeKey());
            if (result instanceof PaymentGateway.ChargeResult.Declined declined) {
                store.release(reservation);
                return new Result(reservation.released(), declined.reason());
            }
            chargeId = ((PaymentGateway.ChargeResult.Approved) result).chargeId();
        }
        PaymentReservation completed = reservation.completed(chargeId);
        if (store.complete(completed)) {
            return new Result(completed, null);
        }
        PaymentReservation now = store.reservation(reservation.accountId(), reservation.key()).orElseThrow();
        if (now.status() == PaymentReservation.Status.COMPLETED) {
            return new Result(now, null);
        }
        // released by the sweeper as abandoned although this attempt was charged: the charge goes back
        if (chargeId != null) {
            gateway.refund(chargeId, reservation.fromMethodCents(), reservation.chargeKey() + "#compensation");
        }
        return new Result(now, "abandoned");
    }

    /**
     * Settles a RESERVED reservation left by an attempt that stopped (a crash) by what the gateway says of
     * its charge key: charged → COMPLETED, declined or never charged → RELEASED (the balance part goes
     * back). A reservation the balance paid in full had nothing to charge and completes. Only for
     * reservations older than any attempt can run, or whose owner has moved on.
     *
     * @return the reservation as it is now stored
     */
    PaymentReservation settle(PaymentReservation reservation) {
        if (reservation.status() != PaymentReservation.Status.RESERVED) {
            return reservation;
        }
        if (reservation.fromMethodCents() == 0) {
            store.complete(reservation.completed(null));
        } else {
            Optional<PaymentGateway.ChargeResult> charged = gateway.lookup(reservation.chargeKey());
            if (charged.isPresent() && charged.get() instanceof PaymentGateway.ChargeResult.Approved approved) {
                store.complete(reservation.completed(approved.chargeId()));
            } else {
                store.release(reservation);
            }
        }
        return store.reservation(reservation.accountId(), reservation.key()).orElseThrow();
    }

    /**
     * Gives a completed payment back to the payer's payment method (compensation: what it paid for cannot
     * be delivered), recorded as a REFUND entry that does not move the balance when it is ledgered.
     */
    void refundToMethod(PaymentReservation paid, Instant now) {
        if (paid.status() != PaymentReservation.Status.COMPLETED) {
            return;
        }
        if (paid.fromBalanceCents() > 0) {
            store.credit(new LedgerEntry(paid.chargeKey() + "#refund-balance", paid.accountId(), LedgerEntry.Type.REFUND,
                    paid.fromBalanceCents(), LedgerEntry.Source.BALANCE, paid.plan(), paid.key(), now));
        }
        if (paid.chargeId() == null) {
            return;
        }
        String refundId = gateway.refund(paid.chargeId(), paid.fromMethodCents(), paid.chargeKey() + "#refund");
        if (paid.purpose().ledgered()) {
            store.record(new LedgerEntry(paid.chargeKey() + "#refund", paid.accountId(), LedgerEntry.Type.REFUND,
                    paid.fromMethodCents(), LedgerEntry.sourceOf(paid.method()), paid.plan(), refundId, now));
        }
    }

    /**
     * Gives back to the balance what the key's completed payment took, as one REFUND entry
     * {@code key#refund}, so repeating it gives nothing more (BILL-6 a cancel that won the race, BILL-7/8
     * a plan that ended early while its renewal charged).
     *
     * @return the cents given back by this call
     */
    long refund(String key, String accountId, Plan plan, Instant now) {
        Optional<PaymentReservation> paid = store.reservation(accountId, key)
                .filter(r -> r.status() == PaymentReservation.Status.COMPLETED);
        if (paid.isEmpty()) {
            return 0;
        }
        long amount = paid.get().amountCents();
        return store.credit(new LedgerEntry(key + "#refund", accountId, LedgerEntry.Type.REFUND, amount, LedgerEntry.Source.BALANCE,
                plan, key, now)) ? amount : 0;
    }
}
