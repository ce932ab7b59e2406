package app.go.domain.billing;

import app.go.domain.port.BillingStore;
import app.go.domain.port.PaymentGateway;

import app.go.domain.port.SellerStore;
import app.go.domain.seller.SellerAccount;
import app.go.support.errors.DomainException;
import app.go.domain.port.IdempotencyStore;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * BILL-8: switching from the standalone PA plan to Seller Plus Premium takes effect at once. The PA
 * subscription ends now, a Seller Plus Premium subscription starts now (paid from the balance first,
 * then the PA subscription's payment method, BILL-3), and the unused PA days go back to the balance
 * as a REFUND ledger entry ({@link Proration}). The HTTP route and {@code ProrateUpgradeHandler} both
 * use this class.
 *
 * <p>Once per PA period: the upgrade key is the PA subscription and its period end; the payment,
 * the refund and the gateway charge are keyed on it, an idempotency claim keeps a concurrent repeat
 * out, and a repeat after the PA subscription ended is 409 {@value #NOTHING_TO_UPGRADE}. A retry of
 * an attempt that stopped half-way finishes it without paying or refunding again.
 */
public final class ProratedUpgrade {
    public static final String NOTHING_TO_UPGRADE = "NOTHING_TO_UPGRADE";
    private static final Log LOG = Log.get(ProratedUpgrade.class);
    private static final Duration IN_PROGRESS_FOR = Duration.ofMinutes(2);
    private static final Duration REMEMBER_FOR = Duration.ofDays(40);

    /** The refund for upgrading {@code from} as of {@code at}, and the subscription it is computed from. */
    public record Quote(Subscription from, Plan to, Instant at, Proration proration) {}

    public record Upgraded(Subscription ended, Subscription subscription, Payment payment, Proration proration) {}

    /** How the new plan's first month was paid (BILL-3: balance first). */
    public record Payment(long amountCents, long fromBalanceCents, long fromPaymentMethodCents, LedgerEntry.Source source,
                          String chargeId) {}

    private final BillingStore store;
    private final SellerStore sellers;
    private final IdempotencyStore idempotency;
    private final ReservedPayment payment;
    private final Clock clock;

    public ProratedUpgrade(BillingStore store, SellerStore sellers, IdempotencyStore idempotency, PaymentGateway gateway,
                           Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.idempotency = idempotency;
        this.payment = new ReservedPayment(store, gateway);
        this.clock = clock;
    }

    public static String key(String sellerId, Plan from, Instant periodEnd) {
        return "upgrade#" + sellerId + "#" + from.name() + "#" + periodEnd;
    }

    /** What upgrading now would refund. */
    public Quote quote(String sellerId, Plan from, Plan to) {
        return quote(sellerId, from, to, clock.instant());
    }

    /** What upgrading at {@code at} would refund; changes nothing. */
    public Quote quote(String sellerId, Plan from, Plan to, Instant at) {
        requireSupported(from, to);
        Subscription current = upgradable(sellerId, from, at);
        return new Quote(current, to, at, Proration.of(from.priceCents(), at, current.currentPeriodEnd(), zone(sellerId)));
    }

    public Upgraded upgrade(String sellerId, Plan from, Plan to) {
        requireSupported(from, to);
        Instant now = clock.instant();
        Subscription current = upgradable(sellerId, from, now);
        String key = key(sellerId, from, current.currentPeriodEnd());
        IdempotencyStore.Claim claim = idempotency.claim(key, IN_PROGRESS_FOR);
        if (claim instanceof IdempotencyStore.Claim.AlreadyDone) {
            throw nothingToUpgrade(from);
        }
        if (claim instanceof IdempotencyStore.Claim.InProgress) {
            throw new DomainException(DomainException.Kind.CONFLICT, "UPGRADE_IN_PROGRESS", "this upgrade is already being processed");
        }
        try {
            Upgraded upgraded = upgradeOnce(key, current, to, now);
            idempotency.complete(key, upgraded.subscription().plan().name(), REMEMBER_FOR);
            LOG.info("upgraded", "sellerId", sellerId, "from", from.name(), "to", to.name(),
                    "refundCents", upgraded.proration().refundCents(), "remainingDays", upgraded.proration().remainingDays());
            return upgraded;
        } catch (RuntimeException e) {
            idempotency.release(key);
            throw e;
        }
    }

    private Upgraded upgradeOnce(String key, Subscription current, Plan to, Instant now) {
        String sellerId = current.sellerId();
        boolean resumed = payment.reservation(sellerId, key).filter(r -> r.status() != PaymentReservation.Status.RELEASED).isPresent();
        Subscription existing = store.subscription(sellerId, to).filter(s -> s.status() != SubscriptionStatus.ENDED).orElse(null);
        if (existing != null && !resumed) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ALREADY_SUBSCRIBED", "already subscribed to " + to);
        }
        PaymentReservation reservation = payment.reserveNext(key, PaymentReservation.Purpose.UPGRADE, sellerId, to,
                current.paymentMethod(), to.priceCents(), true, now);
        ReservedPayment.Result paid = payment.pay(reservation);
        if (paid.declined()) {
            throw new DomainException(DomainException.Kind.RULE, "PAYMENT_DECLINED", "the payment method was declined");
        }
        return finish(key, current, to, paid.reservation(), now);
    }

    /** Starts the new plan, refunds the unused days and ends the old plan; each step is safe to repeat. */
    private Upgraded finish(String key, Subscription current, Plan to, PaymentReservation paid, Instant now) {
        String sellerId = current.sellerId();
        Subscription started = store.subscription(sellerId, to).filter(s -> s.status() != SubscriptionStatus.ENDED).orElse(null);
        if (started == null) {
            started = Subscription.start(sellerId, to, now, current.paymentMethod(), current.autoRenewConsent());
            if (!store.create(started)) {
                throw changed();
            }
        }
        SellerMembership.set(sellers, sellerId, true);

        Proration proration = Proration.of(current.plan().priceCents(), now, current.currentPeriodEnd(), zone(sellerId));
        long refunded = 0;
        if (proration.refundCents() > 0) {
            String refundId = key + "#refund";
            store.credit(new LedgerEntry(refundId, sellerId, LedgerEntry.Type.REFUND, proration.refundCents(),
                    LedgerEntry.Source.BALANCE, current.plan(), key, now));
            refunded = store.ledgerEntry(sellerId, refundId).map(LedgerEntry::amountCents).orElse(proration.refundCents());
        }
        // ended last: until then a retry finds the PA subscription running and finishes the upgrade
        Subscription ended = current.endedAt(now);
        if (!store.replace(ended, current.currentPeriodEnd(), current.status())) {
            throw changed();
        }
        Proration given = new Proration(proration.priceCents(), proration.dailyRateCents(), proration.remainingDays(), refunded);
        Payment paidView = new Payment(paid.amountCents(), paid.fromBalanceCents(), paid.fromMethodCents(),
                paid.fromMethodCents() > 0 ? LedgerEntry.sourceOf(paid.method()) : LedgerEntry.Source.BALANCE, paid.chargeId());
        return new Upgraded(ended, started, paidView, given);
    }

    /**
     * The sweeper's call for an UPGRADE reservation left RESERVED by a crash: paid → the upgrade is
     * finished; not paid → released. Paid while the PA subscription has ended otherwise → the charge goes back.
     */
    void resume(PaymentReservation reservation) {
        Instant now = clock.instant();
        PaymentReservation settled = payment.settle(reservation);
        if (settled.status() != PaymentReservation.Status.COMPLETED) {
            return;
        }
        Optional<Subscription> current = store.subscription(reservation.accountId(), Plan.PERSONAL_ASSISTANT)
                .filter(s -> s.status().awaitsPeriodEnd() && key(s.sellerId(), s.plan(), s.currentPeriodEnd()).equals(reservation.key()));
        if (current.isPresent()) {
            finish(reservation.key(), current.get(), reservation.plan(), settled, now);
        } else if (store.subscription(reservation.accountId(), reservation.plan()).filter(s -> s.status() != SubscriptionStatus.ENDED).isEmpty()) {
            payment.refundToMethod(settled, now);
        }
    }

    private ZoneId zone(String sellerId) {
        return sellers.account(sellerId).map(SellerAccount::zone).orElse(ZoneOffset.UTC);
    }

    private Subscription upgradable(String sellerId, Plan from, Instant at) {
        return store.subscription(sellerId, from)
                .filter(s -> s.status().awaitsPeriodEnd() && at.isBefore(s.currentPeriodEnd()))
                .orElseThrow(() -> nothingToUpgrade(from));
    }

    private static void requireSupported(Plan from, Plan to) {
        if (from != Plan.PERSONAL_ASSISTANT || to != Plan.SELLER_PLUS_PREMIUM) {
            throw new DomainException(DomainException.Kind.RULE, "UPGRADE_NOT_SUPPORTED",
                    "only PERSONAL_ASSISTANT can be upgraded, to SELLER_PLUS_PREMIUM");
        }
    }

    private static DomainException nothingToUpgrade(Plan from) {
        return new DomainException(DomainException.Kind.CONFLICT, NOTHING_TO_UPGRADE, "no running " + from + " subscription to upgrade");
    }

    private static DomainException changed() {
        return new DomainException(DomainException.Kind.CONFLICT, "SUBSCRIPTION_CHANGED", "the subscription changed; retry");
    }
}
