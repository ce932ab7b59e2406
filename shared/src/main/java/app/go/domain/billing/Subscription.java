package app.go.domain.billing;

import java.time.Instant;

/**
 * A seller's subscription to one plan (one per seller and plan). Money is never stored here; the
 * price comes from {@link Plan} and charges go to the ledger.
 */
public record Subscription(String sellerId, Plan plan, SubscriptionStatus status, Instant currentPeriodStart,
                           Instant currentPeriodEnd, int anniversaryDay, PaymentMethod paymentMethod,
                           boolean autoRenewConsent) {

    /** A new subscription whose first period starts at {@code start}. */
    public static Subscription start(String sellerId, Plan plan, Instant start, PaymentMethod method, boolean consent) {
        Instant from = BillingPeriods.normalize(start);
        int day = BillingPeriods.anniversaryDay(from);
        return new Subscription(sellerId, plan, SubscriptionStatus.ACTIVE, from, BillingPeriods.periodEnd(from, day),
                day, method, consent);
    }

    /** The next period, after a successful renewal. */
    public Subscription renewed() {
        return new Subscription(sellerId, plan, SubscriptionStatus.ACTIVE, currentPeriodEnd,
                BillingPeriods.periodEnd(currentPeriodEnd, anniversaryDay), anniversaryDay, paymentMethod, autoRenewConsent);
    }

    /** Ended before its period was over (BILL-8 upgrade, BILL-7 downgrade): the period now ends at {@code at}. */
    public Subscription endedAt(Instant at) {
        return new Subscription(sellerId, plan, SubscriptionStatus.ENDED, currentPeriodStart, BillingPeriods.normalize(at),
                anniversaryDay, paymentMethod, autoRenewConsent);
    }

    public Subscription withStatus(SubscriptionStatus next) {
        return new Subscription(sellerId, plan, next, currentPeriodStart, currentPeriodEnd, anniversaryDay, paymentMethod,
                autoRenewConsent);
    }
}
