package app.go.domain.billing;

import java.time.Instant;

/**
 * A seller's subscription to one plan (one per seller and plan). Money is never stored here; the
 * price comes from {@link Plan} and charges go to the ledger. {@code failedAttempts} counts the
 * declined renewal attempts of the current period (BILL-11, {@link Dunning}); 0 otherwise.
 */
public record Subscription(String sellerId, Plan plan, SubscriptionStatus status, Instant currentPeriodStart,
                           Instant currentPeriodEnd, int anniversaryDay, PaymentMethod paymentMethod,
                           boolean autoRenewConsent, int failedAttempts) {

    public Subscription(String sellerId, Plan plan, SubscriptionStatus status, Instant currentPeriodStart,
                        Instant currentPeriodEnd, int anniversaryDay, PaymentMethod paymentMethod, boolean autoRenewConsent) {
        this(sellerId, plan, status, currentPeriodStart, currentPeriodEnd, anniversaryDay, paymentMethod, autoRenewConsent, 0);
    }

    /** A new subscription whose first period starts at {@code start}. */
    public static Subscription start(String sellerId, Plan plan, Instant start, PaymentMethod method, boolean consent) {
        Instant from = BillingPeriods.normalize(start);
        int day = BillingPeriods.anniversaryDay(from);
        return new Subscription(sellerId, plan, SubscriptionStatus.ACTIVE, from, BillingPeriods.periodEnd(from, day),
                day, method, consent);
    }

    /** The next period, after a successful renewal (also a late one after declines: the anniversary stays). */
    public Subscription renewed() {
        return new Subscription(sellerId, plan, SubscriptionStatus.ACTIVE, currentPeriodEnd,
                BillingPeriods.periodEnd(currentPeriodEnd, anniversaryDay), anniversaryDay, paymentMethod, autoRenewConsent);
    }

    /** Ended before its period was over (BILL-8 upgrade, BILL-7 downgrade): the period now ends at {@code at}. */
    public Subscription endedAt(Instant at) {
        return new Subscription(sellerId, plan, SubscriptionStatus.ENDED, currentPeriodStart, BillingPeriods.normalize(at),
                anniversaryDay, paymentMethod, autoRenewConsent, failedAttempts);
    }

    public Subscription withStatus(SubscriptionStatus next) {
        return new Subscription(sellerId, plan, next, currentPeriodStart, currentPeriodEnd, anniversaryDay, paymentMethod,
                autoRenewConsent, failedAttempts);
    }

    /** One more declined renewal attempt of this period. */
    public Subscription declined(SubscriptionStatus next) {
        return new Subscription(sellerId, plan, next, currentPeriodStart, currentPeriodEnd, anniversaryDay, paymentMethod,
                autoRenewConsent, failedAttempts + 1);
    }

    /** The payment method later charges use (BILL-11: the next retry uses a replaced one). */
    public Subscription withPaymentMethod(PaymentMethod method) {
        return new Subscription(sellerId, plan, status, currentPeriodStart, currentPeriodEnd, anniversaryDay, method,
                autoRenewConsent, failedAttempts);
    }

    /** Whether the billing schedule has to act on it at {@code at}: a period end passed, or a retry is due. */
    public boolean dueAt(Instant at) {
        if (status.awaitsPeriodEnd()) {
            return !currentPeriodEnd.isAfter(at);
        }
        return status == SubscriptionStatus.PAST_DUE && Dunning.attemptDue(this, at);
    }
}
