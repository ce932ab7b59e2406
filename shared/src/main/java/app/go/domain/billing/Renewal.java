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
    private final PaymentGateway gateway;
    private final Clock clock;

    public Renewal(BillingStore store, SellerStore sellers, IdempotencyStore idempotency, PaymentGateway gateway, Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.idempotency = idempotency;
        this.gateway = gateway;
        this.clock = clock;
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
            if (plan == Plan.SELLER_PLUS_PREMIUM) {
                SellerMembership.set(sellers, sellerId, false); // BILL-7
            }
            return Outcome.ENDED;
        }
        if (subscription.status() != SubscriptionStatus.ACTIVE) {
            return Outcome.SKIPPED;
        }
        Instant now = clock.instant();
        long price = plan.priceCents();
        long fromBalance = takeFromBalance(key, sellerId, plan, price, now);
        long rest = price - fromBalance;
        if (rest > 0) {
            PaymentMethod method = subscription.paymentMethod();
            PaymentGateway.ChargeResult charged = gateway.charge(sellerId, method, rest, key);
            if (charged instanceof PaymentGateway.ChargeResult.Declined) {
                if (fromBalance > 0) {
                    store.credit(new LedgerEntry(key + "#reversal", sellerId, LedgerEntry.Type.REVERSAL, fromBalance,
                            LedgerEntry.Source.BALANCE, plan, key, now));
                }
                if (store.replace(subscription.withStatus(SubscriptionStatus.PAST_DUE), periodEnd)) {
                    sellers.addNotification(sellerId, new Notification(key + "#failed", PAYMENT_FAILED, null, now));
                }
                return Outcome.PAST_DUE;
            }
            String chargeId = ((PaymentGateway.ChargeResult.Approved) charged).chargeId();
            store.record(new LedgerEntry(key + "#method", sellerId, LedgerEntry.Type.CHARGE, rest,
                    LedgerEntry.sourceOf(method), plan, chargeId, now));
        }
        return store.replace(subscription.renewed(), periodEnd) ? Outcome.RENEWED : Outcome.SKIPPED;
    }

    /** BILL-3: the balance pays first, as much as it holds; once per renewal key. */
    private long takeFromBalance(String key, String sellerId, Plan plan, long price, Instant now) {
        String entryId = key + "#balance";
        Optional<LedgerEntry> done = store.ledgerEntry(sellerId, entryId);
        if (done.isPresent()) {
            return done.get().amountCents();
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            long use = Math.min(store.balance(sellerId), price);
            if (use <= 0) {
                return 0;
            }
            LedgerEntry entry = new LedgerEntry(entryId, sellerId, LedgerEntry.Type.CHARGE, use, LedgerEntry.Source.BALANCE,
                    plan, key, now);
            switch (store.debit(entry)) {
                case DEBITED:
                    return use;
                case ALREADY_DONE:
                    return store.ledgerEntry(sellerId, entryId).map(LedgerEntry::amountCents).orElse(use);
                case INSUFFICIENT:
                    break; // the balance moved meanwhile: read it again
            }
        }
        return 0;
    }
}
