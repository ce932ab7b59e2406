package app.go.domain.billing;

/** Where a subscription is in its life. */
public enum SubscriptionStatus {
    /** Renews on its anniversary. */
    ACTIVE,
    /** Cancelled; features stay until the period ends, then it ends without a charge (BILL-6). */
    CANCELLED_AT_PERIOD_END,
    /** Over; past data stays readable. */
    ENDED,
    /** The renewal charge was declined; the seller was notified (PAYMENT_FAILED). */
    PAST_DUE;

    /** Whether the billing schedule still has to look at it when its period ends. */
    public boolean awaitsPeriodEnd() {
        return this == ACTIVE || this == CANCELLED_AT_PERIOD_END;
    }
}
