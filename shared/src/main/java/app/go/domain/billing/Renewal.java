package app.go.domain.billing;

import app.go.domain.seller.Notification;
import app.go.domain.seller.SellerStore;
import app.go.shared.idempotency.IdempotencyStore;
import app.go.shared.log.Log;

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
 * and the period advances only by a conditional write on the expected {@code currentPeriodEnd}.
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
        Optional<Subscription> found = store.subscription(sellerId, plan);
        if (found.isEmpty() || !found.get().currentPeriodEnd().equals(periodEnd)) {
            return Outcome.SKIPPED; // gone, or this period was already dealt with
        }
        Subscription subscription = found.get();
        if (subscription.status() == SubscriptionStatus.CANCELLED_AT_PERIOD_END) {
            if (!store.replace(subscription.withStatus(SubscriptionStatus.ENDED), periodEnd)) {
                return Outcome.SKIPPED;
            }
            planEnd.ended(sellerId, plan); // BILL-6, BILL-7: the features stop now
            return Outcome.ENDED;
        }
        if (subscription.status() == SubscriptionStatus.ENDED) {
            planEnd.ended(sellerId, plan); // a retry after ending it: finish switching the features off
            return Outcome.ENDED;
        }
        if (subscription.status() == SubscriptionStatus.PAST_DUE) {
            planEnd.ended(sellerId, plan); // a retry after the decline: finish switching the features off
            return Outcome.SKIPPED;
        }
        if (subscription.status() != SubscriptionStatus.ACTIVE) {
            return Outcome.SKIPPED;
        }
        Instant now = clock.instant();
        BalanceFirstPayment.Result paid = payment.pay(key, sellerId, plan, subscription.paymentMethod(), plan.priceCents(), now);
        if (paid.declined()) {
            if (store.replace(subscription.withStatus(SubscriptionStatus.PAST_DUE), periodEnd)) {
                sellers.addNotification(sellerId, new Notification(key + "#failed", PAYMENT_FAILED, null, now));
            }
            planEnd.ended(sellerId, plan); // PAST_DUE does not entitle (Entitlements): unpaid features stop
            return Outcome.PAST_DUE;
        }
        return store.replace(subscription.renewed(), periodEnd) ? Outcome.RENEWED : Outcome.SKIPPED;
    }
}
