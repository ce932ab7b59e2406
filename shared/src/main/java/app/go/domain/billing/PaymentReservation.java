package app.go.domain.billing;

import java.time.Instant;

/**
 * BILL-13: a business key (an order, a subscription's first period, a renewal period, an upgrade)
 * held before any money moves. The split between balance and payment method is decided once, when
 * the reservation is written (together with the balance debit, in one conditional write), so every
 * retry of the same key pays the same amounts. A declined attempt is RELEASED (the balance part goes
 * back) and the next attempt of the same key takes the next {@code attempt} number; the gateway's
 * idempotency key is {@link #chargeKey()}: business key plus attempt, never the card token.
 *
 * @param accountId the seller whose balance and ledger it moves, or the client who buys (orders have no ledger)
 */
public record PaymentReservation(String key, Purpose purpose, String accountId, int attempt, long amountCents,
                                 long fromBalanceCents, PaymentMethod method, Plan plan, Status status, String chargeId,
                                 Instant reservedAt) {

    public enum Purpose {
        SUBSCRIBE, RENEWAL, UPGRADE, ORDER;

        /** Whether its money shows in the seller's ledger (a client's order does not). */
        public boolean ledgered() {
            return this != ORDER;
        }
    }

    public enum Status {
        /** Written; the payment method may or may not have been charged yet. */
        RESERVED,
        /** Paid in full; what it pays for is (being) delivered. */
        COMPLETED,
        /** Declined or abandoned without a charge; the balance part went back. */
        RELEASED
    }

    public PaymentReservation {
        if (amountCents <= 0 || fromBalanceCents < 0 || fromBalanceCents > amountCents) {
            throw new IllegalArgumentException("a reservation holds positive cents, the balance part within them");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
    }

    public long fromMethodCents() {
        return amountCents - fromBalanceCents;
    }

    /** The idempotency key of this attempt's charge: the business key and the attempt number. */
    public String chargeKey() {
        return key + "#" + attempt;
    }

    public String balanceEntryId() {
        return chargeKey() + "#balance";
    }

    public String methodEntryId() {
        return chargeKey() + "#method";
    }

    public String reversalEntryId() {
        return chargeKey() + "#reversal";
    }

    public PaymentReservation completed(String withChargeId) {
        return new PaymentReservation(key, purpose, accountId, attempt, amountCents, fromBalanceCents, method, plan,
                Status.COMPLETED, withChargeId, reservedAt);
    }

    public PaymentReservation released() {
        return new PaymentReservation(key, purpose, accountId, attempt, amountCents, fromBalanceCents, method, plan,
                Status.RELEASED, chargeId, reservedAt);
    }
}
