package app.go.domain.billing;

import app.go.domain.port.BillingStore;
import app.go.domain.port.PaymentGateway;

import app.go.domain.seller.Notification;
import app.go.domain.port.SellerStore;
import app.go.domain.port.IdempotencyStore;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Renews one subscription for one period (BILL-3, BILL-6, BILL-9).
 *
 * <p>Exactly once, in layers: the idempotency store lets one attempt per subscription and period
 * run at a time and replays its outcome; every money movement has a ledger id derived from the
 * same key (so the balance is debited once and the payment gateway gets the same idempotency key);
 * and the period advances only by a conditional write on the expected {@code currentPeriodEnd} and
 * status. Money taken under the key stays only if that write wins: when a cancel (or an early end)
 * lands between the read and the write, the cancel wins and the charge goes back as a REFUND.
 */
public final class Renewal {
    private static final Log LOG = Log.get(Renewal.class);
    static final Duration IN_PROGRESS_FOR = Duration.ofMinutes(5);
    static final Duration REMEMBER_FOR = Duration.ofDays(90);
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";

    public enum Outcome { RENEWED, ENDED, PAST_DUE, SKIPPED }

    private final BillingStore store;
    private final SellerStore sellers;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final BalanceFirstPayment payment;
    private final PlanEnd planEnd;

    public Renewal(BillingStore store, SellerStore sellers, IdempotencyStore idempotency, PaymentGateway gateway, Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.idempotency = idempotency;
        this.clock = clock;
        this.payment = new BalanceFirstPayment(store, gateway);
        this.planEnd = new PlanEnd(store, sellers, clock);
    }

    public static String key(String sellerId, Plan plan, Instant periodEnd) {
        return "renewal#" + sellerId + "#" + plan.name() + "#" + periodEnd;
    }

    /**
     * @throws IdempotencyStore.ConcurrentAttemptException when another attempt for the same period is running (retry later)
     */
    public Outcome renew(String sellerId, Plan plan, Instant periodEnd) {
        String key = key(sellerId, plan, periodEnd);
        String result = idempotency.once(key, IN_PROGRESS_FOR, REMEMBER_FOR, () -> renewOnce(key, sellerId, plan, periodEnd).name());
        Outcome outcome = Outcome.valueOf(result);
        LOG.info("renewal", "sellerId", sellerId, "plan", plan.name(), "periodEnd", periodEnd.toString(), "outcome", outcome.name());
        return outcome;
    }

    private Outcome renewOnce(String key, String sellerId, Plan plan, Instant periodEnd) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Outcome> outcome = tryRenew(key, sellerId, plan, periodEnd);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new IllegalStateException("the subscription keeps changing; retry later");
    }

    /** @return empty when a conditional write lost to another writer: read again and decide again */
    private Optional<Outcome> tryRenew(String key, String sellerId, Plan plan, Instant periodEnd) {
        Instant now = clock.instant();
        Optional<Subscription> found = store.subscription(sellerId, plan);
        if (found.isEmpty()) {
            return Optional.of(Outcome.SKIPPED);
        }
        Subscription subscription = found.get();
        if (!subscription.currentPeriodEnd().equals(periodEnd)) {
            if (subscription.currentPeriodStart().isBefore(periodEnd)) {
                payment.refund(key, sellerId, plan, now); // ended early (BILL-7, BILL-8) while this renewal charged
            }
            return Optional.of(Outcome.SKIPPED); // gone, or this period was already dealt with
        }
        switch (subscription.status()) {
            case CANCELLED_AT_PERIOD_END -> {
                // a cancel that landed after this renewal charged wins (BILL-6): the charge goes back
                payment.refund(key, sellerId, plan, now);
                if (!store.replace(subscription.withStatus(SubscriptionStatus.ENDED), periodEnd, subscription.status())) {
                    return Optional.empty();
                }
                planEnd.ended(sellerId, plan); // BILL-6, BILL-7: the features stop now
                return Optional.of(Outcome.ENDED);
            }
            case ENDED -> {
                payment.refund(key, sellerId, plan, now);
                planEnd.ended(sellerId, plan); // a retry after ending it: finish switching the features off
                return Optional.of(Outcome.ENDED);
            }
            case PAST_DUE -> {
                planEnd.ended(sellerId, plan); // a retry after the decline: finish switching the features off
                return Optional.of(Outcome.SKIPPED);
            }
            case ACTIVE -> {
                return charge(key, subscription, now);
            }
            default -> {
                return Optional.of(Outcome.SKIPPED);
            }
        }
    }

    private Optional<Outcome> charge(String key, Subscription subscription, Instant now) {
        String sellerId = subscription.sellerId();
        Plan plan = subscription.plan();
        Instant periodEnd = subscription.currentPeriodEnd();
        BalanceFirstPayment.Result paid = payment.pay(key, sellerId, plan, subscription.paymentMethod(), plan.priceCents(), now);
        if (paid.declined()) {
            if (!store.replace(subscription.withStatus(SubscriptionStatus.PAST_DUE), periodEnd, SubscriptionStatus.ACTIVE)) {
                return Optional.empty();
            }
            sellers.addNotification(sellerId, new Notification(key + "#failed", PAYMENT_FAILED, null, now));
            planEnd.ended(sellerId, plan); // PAST_DUE does not entitle (Entitlements): unpaid features stop
            return Optional.of(Outcome.PAST_DUE);
        }
        // a retry that lost this write to a duplicate attempt finds the period advanced and keeps the (shared) charge
        return store.replace(subscription.renewed(), periodEnd, SubscriptionStatus.ACTIVE)
                ? Optional.of(Outcome.RENEWED) : Optional.empty();
    }
}
