package app.go.domain.billing;

import app.go.domain.port.BillingStore;
import app.go.domain.port.IdempotencyStore;
import app.go.domain.port.PaymentGateway;
import app.go.domain.port.SellerStore;
import app.go.domain.seller.Notification;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Renews one subscription for one period (BILL-3, BILL-6, BILL-9, BILL-11, BILL-13).
 *
 * <p>Exactly once, in layers: the idempotency store lets one attempt per subscription, period and
 * attempt number run at a time and replays its outcome; the payment reserves the business key
 * (subscription + period) before any money moves, with the balance/method split decided once in that
 * write ({@link ReservedPayment}), and charges with the key plus the attempt number; and the period
 * advances only by a conditional write on the expected {@code currentPeriodEnd} and status. Money
 * taken under the key stays only if that write wins: when a cancel (or an early end) lands between the
 * read and the write, the cancel wins and the charge goes back as a REFUND.
 *
 * <p>A decline puts the subscription PAST_DUE and tells the seller (PAYMENT_FAILED) each time; the
 * billing schedule retries on {@link Dunning}'s days, with the payment method on the subscription at
 * that time; the last decline ends the plan. A successful retry renews from the old period end, so
 * the anniversary has no gap.
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
    private final ReservedPayment payment;
    private final PlanEnd planEnd;

    public Renewal(BillingStore store, SellerStore sellers, IdempotencyStore idempotency, PaymentGateway gateway, Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.idempotency = idempotency;
        this.clock = clock;
        this.payment = new ReservedPayment(store, gateway);
        this.planEnd = new PlanEnd(store, sellers, clock);
    }

    /** The business key of one period's renewal (its attempts share it). */
    public static String key(String sellerId, Plan plan, Instant periodEnd) {
        return "renewal#" + sellerId + "#" + plan.name() + "#" + periodEnd;
    }

    /**
     * @throws IdempotencyStore.ConcurrentAttemptException when another attempt for the same period is running (retry later)
     */
    public Outcome renew(String sellerId, Plan plan, Instant periodEnd) {
        String key = key(sellerId, plan, periodEnd);
        int attempt = store.subscription(sellerId, plan).filter(s -> s.currentPeriodEnd().equals(periodEnd))
                .map(Dunning::attempt).orElse(1);
        String result;
        try {
            result = idempotency.once(key + "#" + attempt, IN_PROGRESS_FOR, REMEMBER_FOR,
                    () -> renewOnce(key, sellerId, plan, periodEnd).name());
        } catch (RetryNotDue early) {
            result = Outcome.SKIPPED.name(); // not remembered: the attempt runs when it is due
        }
        Outcome outcome = Outcome.valueOf(result);
        LOG.info("renewal", "sellerId", sellerId, "plan", plan.name(), "periodEnd", periodEnd.toString(), "attempt", attempt,
                "outcome", outcome.name());
        return outcome;
    }

    /**
     * The sweeper's call for a renewal reservation left RESERVED by a crash: while its period is still the
     * subscription's, renewing again finishes it (same reservation, same charge key); otherwise it is
     * settled by what the gateway says and a charge made for a period that ended early goes back.
     */
    void resume(PaymentReservation reservation) {
        Optional<Subscription> current = store.subscription(reservation.accountId(), reservation.plan());
        if (current.isPresent() && current.get().status().billable()
                && key(current.get().sellerId(), current.get().plan(), current.get().currentPeriodEnd()).equals(reservation.key())) {
            renew(reservation.accountId(), reservation.plan(), current.get().currentPeriodEnd());
            return;
        }
        payment.settle(reservation);
        payment.refund(reservation.key(), reservation.accountId(), reservation.plan(), clock.instant());
    }

    private Outcome renewOnce(String key, String sellerId, Plan plan, Instant periodEnd) {
        for (int round = 0; round < 3; round++) {
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
                settleAndRefund(key, sellerId, plan, now); // ended early (BILL-7, BILL-8) while this renewal charged
            }
            return Optional.of(Outcome.SKIPPED); // gone, or this period was already dealt with
        }
        switch (subscription.status()) {
            case CANCELLED_AT_PERIOD_END -> {
                // a cancel that landed after this renewal charged wins (BILL-6): the charge goes back
                settleAndRefund(key, sellerId, plan, now);
                if (!store.replace(subscription.withStatus(SubscriptionStatus.ENDED), periodEnd, subscription.status())) {
                    return Optional.empty();
                }
                planEnd.ended(sellerId, plan); // BILL-6, BILL-7: the features stop now
                return Optional.of(Outcome.ENDED);
            }
            case ENDED -> {
                settleAndRefund(key, sellerId, plan, now);
                planEnd.ended(sellerId, plan); // a retry after ending it: finish switching the features off
                return Optional.of(Outcome.ENDED);
            }
            case ACTIVE, PAST_DUE -> {
                return charge(key, subscription, now);
            }
            default -> {
                return Optional.of(Outcome.SKIPPED);
            }
        }
    }

    private void settleAndRefund(String key, String sellerId, Plan plan, Instant now) {
        payment.reservation(sellerId, key).filter(r -> r.status() == PaymentReservation.Status.RESERVED).ifPresent(payment::settle);
        payment.refund(key, sellerId, plan, now);
    }

    private Optional<Outcome> charge(String key, Subscription subscription, Instant now) {
        String sellerId = subscription.sellerId();
        Plan plan = subscription.plan();
        Instant periodEnd = subscription.currentPeriodEnd();
        int attempt = Dunning.attempt(subscription);
        Optional<PaymentReservation> stored = payment.reservation(sellerId, key);
        boolean paidBefore = stored.filter(r -> r.status() == PaymentReservation.Status.COMPLETED).isPresent();
        if (!paidBefore && subscription.status() == SubscriptionStatus.PAST_DUE && !Dunning.attemptDue(subscription, now)) {
            throw new RetryNotDue(); // leaves the attempt's key unclaimed, unlike a remembered outcome
        }
        PaymentReservation reservation = payment.reserveAttempt(key, attempt, PaymentReservation.Purpose.RENEWAL, sellerId, plan,
                subscription.paymentMethod(), plan.priceCents(), now);
        ReservedPayment.Result paid = payment.pay(reservation);
        if (paid.declined()) {
            boolean last = Dunning.last(attempt);
            Subscription next = subscription.declined(last ? SubscriptionStatus.ENDED : SubscriptionStatus.PAST_DUE);
            if (!store.replace(next, periodEnd, subscription.status())) {
                return Optional.empty();
            }
            sellers.addNotificationIfAbsent(sellerId, new Notification(key + "#" + attempt + "#failed", PAYMENT_FAILED, null, now));
            LOG.info("renewal declined", "sellerId", sellerId, "plan", plan.name(), "attempt", attempt, "reason",
                    paid.declineReason(), "last", last);
            if (last) {
                planEnd.ended(sellerId, plan); // BILL-11: after the last failure the plan ends and its features stop
                return Optional.of(Outcome.ENDED);
            }
            return Optional.of(Outcome.PAST_DUE);
        }
        // a retry that lost this write to a duplicate attempt finds the period advanced and keeps the (shared) charge
        return store.replace(subscription.renewed(), periodEnd, subscription.status())
                ? Optional.of(Outcome.RENEWED) : Optional.empty();
    }

    /** A schedule run that reached a declined renewal before its next retry was due (BILL-11). */
    private static final class RetryNotDue extends RuntimeException {
        RetryNotDue() {
            super(null, null, false, false);
        }
    }
}
