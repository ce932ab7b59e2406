package app.go.domain.billing;

import java.time.Instant;

/**
 * One movement of money, in integer cents (BILL-10); {@code amountCents} is always positive and
 * {@link Type} gives the direction. Ids of entries written by renewals are derived from the
 * subscription and period, so a retry finds the entry instead of writing a second one (BILL-9).
 */
public record LedgerEntry(String id, String sellerId, Type type, long amountCents, Source source, Plan plan,
                          String reference, Instant createdAt) {

    public enum Type {
        /** Earnings credited to the balance by the marketplace. */
        CREDIT,
        /** A subscription fee taken (from the balance or the payment method). */
        CHARGE,
        /** Balance given back (a renewal whose card part was declined). */
        REVERSAL,
        /**
         * Given back to the balance: unused days (BILL-8: upgrading from PA to Seller Plus Premium), or a
         * renewal's fee when a cancel won the race against it (BILL-6).
         */
        REFUND
    }

    public enum Source { BALANCE, CARD, PAYPAL, PLATFORM }

    public LedgerEntry {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("ledger amounts are positive cents");
        }
    }

    public static Source sourceOf(PaymentMethod method) {
        return method.type() == PaymentMethod.Type.PAYPAL ? Source.PAYPAL : Source.CARD;
    }
}
