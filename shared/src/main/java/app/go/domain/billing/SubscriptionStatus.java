package app.go.domain.billing;

/** Where a subscription is in its life. */
public enum SubscriptionStatus {
    /**
     * Reserved by a subscribe whose first payment is being taken; it blocks a second subscribe to the
     * same plan, entitles to nothing and is not shown to the seller (BILL-3).
     */
    PENDING,
    /** Renews on its anniversary. */
    ACTIVE,
    /** Cancelled; features stay until the period ends, then it ends without a charge (BILL-6). */
    CANCELLED_AT_PERIOD_END,
    /** Over; past data stays readable. */
    ENDED,
    /**
     * The renewal charge was declined; the seller was notified (PAYMENT_FAILED). Retries follow
     * ({@link Dunning}); until the last one fails the plan stays usable.
     */
    PAST_DUE;

    /** Whether the billing schedule still has to look at it when its period ends. */
    public boolean awaitsPeriodEnd() {
        return this == ACTIVE || this == CANCELLED_AT_PERIOD_END;
    }

    /** Whether the billing schedule may still act on it (a period end or a retry ahead). */
    public boolean billable() {
        return awaitsPeriodEnd() || this == PAST_DUE;
    }
}
