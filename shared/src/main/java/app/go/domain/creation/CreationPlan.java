package app.go.domain.creation;

import app.go.domain.billing.BillingPeriods;
import app.go.domain.port.BillingStore;
import app.go.domain.port.SellerStore;
import app.go.domain.seller.SellerAccount;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;

import app.go.support.errors.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the seller's CREATION_MODEL subscription means for their models: whether they are
 * subscribed now (CM-PUB-1, CM-GEN-2, CM-TRN-3) and the billing month the retraining counters
 * count in (CM-TRN-4: subscribed 18 Feb, the counters reset 18 Mar).
 */
public final class CreationPlan {
    public static final String SUBSCRIPTION_ENDED = "SUBSCRIPTION_ENDED";
    public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

    /** Read-only view of the seller's CREATION_MODEL subscription. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Subscription> creationModelSubscription(String sellerId);

        static Lookup of(BillingStore billing) {
            return sellerId -> billing.subscription(sellerId, Plan.CREATION_MODEL);
        }

        static Lookup none() {
            return sellerId -> Optional.empty();
        }
    }

    /** A billing month, {@code [start, end)}. */
    public record Period(Instant start, Instant end) {}

    private final Lookup lookup;
    private final Clock clock;

    public CreationPlan(Lookup lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /** The current billing month of the seller's CM subscription, empty when not subscribed. */
    public Optional<Period> currentPeriod(String sellerId) {
        return lookup.creationModelSubscription(sellerId).flatMap(s -> periodAt(s, clock.instant()));
    }

    public boolean subscribed(String sellerId) {
        return currentPeriod(sellerId).isPresent();
    }

    /**
     * ELIG-2, ELIG-3: a seller who is not (or no longer) eligible creates, trains, tries in the playground
     * and publishes no model, whether or not they ever subscribed.
     */
    public static void requireEligible(SellerStore sellers, String sellerId) {
        if (!eligible(sellers, sellerId)) {
            throw new DomainException(DomainException.Kind.RULE, NOT_ELIGIBLE,
                    "Creation Models are for sellers of level 2 and above, and for Pro sellers");
        }
    }

    public static boolean eligible(SellerStore sellers, String sellerId) {
        return sellers.account(sellerId).map(SellerAccount::eligibleForCreationModel).orElse(false);
    }

    /**
     * BILL-6, ELIG-3: once the seller's CM subscription has ended (cancelled and over, the last renewal
     * retry declined, or eligibility lost) training and the playground stop; past models and assets stay
     * readable. A seller who never subscribed keeps the trainings before a subscription (CM-TRN-3).
     */
    public void requireNotEnded(String sellerId) {
        Optional<Subscription> subscription = lookup.creationModelSubscription(sellerId)
                .filter(s -> s.status() != SubscriptionStatus.PENDING);
        if (subscription.isPresent() && !subscribed(sellerId)) {
            throw new DomainException(DomainException.Kind.RULE, SUBSCRIPTION_ENDED,
                    "the Creation Model subscription has ended; subscribe again to train, generate and publish");
        }
    }

    /**
     * The period containing {@code now}. An ACTIVE subscription whose renewal has not run yet keeps
     * its anniversaries (the next period starts where the last one ended); a cancelled one counts
     * until its period ends; PAST_DUE is in its grace period (BILL-11) and counts; ENDED is not subscribed.
     */
    static Optional<Period> periodAt(Subscription s, Instant now) {
        if (s.status() == SubscriptionStatus.CANCELLED_AT_PERIOD_END) {
            return now.isBefore(s.currentPeriodEnd()) && !now.isBefore(s.currentPeriodStart())
                    ? Optional.of(new Period(s.currentPeriodStart(), s.currentPeriodEnd())) : Optional.empty();
        }
        boolean running = s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.PAST_DUE;
        if (!running || now.isBefore(s.currentPeriodStart())) {
            return Optional.empty();
        }
        Instant start = s.currentPeriodStart();
        Instant end = s.currentPeriodEnd();
        while (!now.isBefore(end)) {
            start = end;
            end = BillingPeriods.periodEnd(end, s.anniversaryDay());
        }
        return Optional.of(new Period(start, end));
    }
}
