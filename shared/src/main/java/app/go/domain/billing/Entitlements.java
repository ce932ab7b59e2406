package app.go.domain.billing;

import app.go.domain.port.BillingStore;

import java.time.Clock;
import java.time.Instant;

/**
 * Whether a seller currently has a paid feature through a subscription (BILL-1, BILL-2, BILL-6).
 *
 * <p>A subscription entitles while it is ACTIVE (a renewal that is due but not yet run does not take
 * the feature away), PAST_DUE (BILL-11: the grace period while declined renewals are retried) or
 * CANCELLED_AT_PERIOD_END until its period ends; ENDED (a cancel at its end, the last failed retry,
 * an upgrade, a lost eligibility) does not.
 * PA comes with a standalone PERSONAL_ASSISTANT plan or with SELLER_PLUS_PREMIUM (BILL-1).
 * Eligibility (ELIG-1, ELIG-2) is a separate question, answered by the seller's account.
 */
public final class Entitlements {
    private final BillingStore store;
    private final Clock clock;

    public Entitlements(BillingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The Personal Assistant, standalone or through Seller Plus Premium. */
    public boolean hasAssistant(String sellerId) {
        return has(sellerId, Plan.PERSONAL_ASSISTANT) || has(sellerId, Plan.SELLER_PLUS_PREMIUM);
    }

    /** The Creation Model: training and generation. */
    public boolean hasCreationModel(String sellerId) {
        return has(sellerId, Plan.CREATION_MODEL);
    }

    /** Whether this one plan entitles the seller now. */
    public boolean has(String sellerId, Plan plan) {
        Instant now = clock.instant();
        return store.subscription(sellerId, plan).map(s -> entitles(s, now)).orElse(false);
    }

    static boolean entitles(Subscription subscription, Instant at) {
        return switch (subscription.status()) {
            case ACTIVE, PAST_DUE -> true;
            case CANCELLED_AT_PERIOD_END -> at.isBefore(subscription.currentPeriodEnd());
            case PENDING, ENDED -> false;
        };
    }
}
