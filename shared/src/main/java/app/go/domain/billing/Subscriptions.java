package app.go.domain.billing;

import app.go.domain.port.BillingStore;
import app.go.domain.port.PaymentGateway;

import app.go.domain.seller.SellerAccount;
import app.go.domain.port.SellerStore;
import app.go.support.errors.DomainException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscribing, the balance and the ledger as the seller and the platform see them. */
public final class Subscriptions {
    /** Far longer than a subscribe request may run. */
    static final Duration RESERVATION_ABANDONED_AFTER = Duration.ofMinutes(10);

    private final BillingStore store;
    private final SellerStore sellers;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final PlanEnd planEnd;

    public Subscriptions(BillingStore store, SellerStore sellers, PaymentGateway gateway, Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.gateway = gateway;
        this.clock = clock;
        this.planEnd = new PlanEnd(store, sellers, clock);
    }

    /** The first charge of a subscription. */
    public record Charge(long amountCents, LedgerEntry.Source source, String chargeId) {}

    public record Subscribed(Subscription subscription, Charge charge) {}

    /**
     * BILL-4 consent, ELIG-1 for PA, ELIG-2 for CM, BILL-3 first payment by card or PayPal; the subscription's
     * periods then run monthly from now.
     */
    public Subscribed subscribe(String sellerId, Plan plan, PaymentMethod method, boolean autoRenewConsent) {
        if (!autoRenewConsent) {
            throw new DomainException(DomainException.Kind.RULE, "AUTO_RENEW_CONSENT_REQUIRED",
                    "subscribing requires confirming the automatic monthly renewal");
        }
        if (plan == Plan.PERSONAL_ASSISTANT
                && !sellers.account(sellerId).map(SellerAccount::eligibleForAssistant).orElse(false)) {
            throw new DomainException(DomainException.Kind.RULE, "NOT_ELIGIBLE",
                    "the Personal Assistant is for sellers of level 2 and above and Seller Plus Premium members");
        }
        if (plan == Plan.CREATION_MODEL
                && !sellers.account(sellerId).map(SellerAccount::eligibleForCreationModel).orElse(false)) {
            throw new DomainException(DomainException.Kind.RULE, "NOT_ELIGIBLE",
                    "Creation Models are for sellers of level 2 and above, and for Pro sellers");
        }
        Instant now = clock.instant();
        Optional<Subscription> existing = store.subscription(sellerId, plan);
        Subscription reservation = reserve(sellerId, plan, method, existing, now);
        // keyed on the reservation, which only this call holds: a concurrent subscribe cannot charge too
        String key = "subscribe#" + sellerId + "#" + plan + "#" + reservation.currentPeriodStart();
        PaymentGateway.ChargeResult result = gateway.charge(sellerId, method, plan.priceCents(), key);
        if (result instanceof PaymentGateway.ChargeResult.Declined declined) {
            release(reservation, existing.filter(s -> s.status() == SubscriptionStatus.ENDED));
            throw new DomainException(DomainException.Kind.RULE, "PAYMENT_DECLINED", "the payment was declined: " + declined.reason());
        }
        String chargeId = ((PaymentGateway.ChargeResult.Approved) result).chargeId();
        LedgerEntry.Source source = LedgerEntry.sourceOf(method);
        store.record(new LedgerEntry(key, sellerId, LedgerEntry.Type.CHARGE, plan.priceCents(), source, plan, chargeId, now));
        Subscription subscription = reservation.withStatus(SubscriptionStatus.ACTIVE);
        if (!store.replace(subscription, reservation.currentPeriodEnd(), SubscriptionStatus.PENDING)) {
            // only a later subscribe taking over this reservation writes it, and it activates the same period
            subscription = store.subscription(sellerId, plan)
                    .filter(s -> s.status() == SubscriptionStatus.ACTIVE && s.currentPeriodStart().equals(reservation.currentPeriodStart()))
                    .orElseThrow(Subscriptions::changed);
        }
        if (plan == Plan.SELLER_PLUS_PREMIUM) {
            SellerMembership.set(sellers, sellerId, true);
        }
        return new Subscribed(subscription, new Charge(plan.priceCents(), source, chargeId));
    }

    /**
     * Holds the seller's one subscription to {@code plan} as PENDING while the first payment is taken,
     * by the same conditional create that keeps a second subscription out. A reservation older than
     * {@link #RESERVATION_ABANDONED_AFTER} was left by a subscribe that stopped half-way; it is taken
     * over with its period, so its charge key (and any charge already made with it) stays the same.
     */
    private Subscription reserve(String sellerId, Plan plan, PaymentMethod method, Optional<Subscription> existing, Instant now) {
        if (existing.isPresent() && existing.get().status() == SubscriptionStatus.PENDING
                && !now.isBefore(existing.get().currentPeriodStart().plus(RESERVATION_ABANDONED_AFTER))) {
            Subscription abandoned = existing.get();
            Subscription taken = new Subscription(sellerId, plan, SubscriptionStatus.PENDING, abandoned.currentPeriodStart(),
                    abandoned.currentPeriodEnd(), abandoned.anniversaryDay(), method, true);
            if (store.replace(taken, abandoned.currentPeriodEnd(), SubscriptionStatus.PENDING)) {
                return taken;
            }
            throw alreadySubscribed(plan);
        }
        if (existing.isPresent() && existing.get().status() != SubscriptionStatus.ENDED) {
            throw alreadySubscribed(plan);
        }
        Subscription reservation = Subscription.start(sellerId, plan, now, method, true).withStatus(SubscriptionStatus.PENDING);
        if (!store.create(reservation)) {
            throw alreadySubscribed(plan);
        }
        return reservation;
    }

    /** A declined first payment: the reservation goes (the ENDED subscription it replaced comes back) so the seller can retry. */
    private void release(Subscription reservation, Optional<Subscription> replacedEnded) {
        if (replacedEnded.isPresent()) {
            store.replace(replacedEnded.get(), reservation.currentPeriodEnd(), SubscriptionStatus.PENDING);
        } else {
            store.delete(reservation.sellerId(), reservation.plan(), reservation.currentPeriodEnd(), SubscriptionStatus.PENDING);
        }
    }

    private static DomainException alreadySubscribed(Plan plan) {
        return new DomainException(DomainException.Kind.CONFLICT, "ALREADY_SUBSCRIBED", "already subscribed to " + plan);
    }

    private static DomainException changed() {
        return new DomainException(DomainException.Kind.CONFLICT, "SUBSCRIPTION_CHANGED", "the subscription changed; retry");
    }

    /** BILL-6: the subscription stays until its period ends, then ends without a charge or a refund. */
    public Subscription cancel(String sellerId, Plan plan) {
        Subscription current = store.subscription(sellerId, plan).filter(s -> s.status().awaitsPeriodEnd())
                .orElseThrow(() -> DomainException.notFound("active subscription to " + plan));
        Subscription next = current.withStatus(SubscriptionStatus.CANCELLED_AT_PERIOD_END);
        if (!store.replace(next, current.currentPeriodEnd(), current.status())) {
            throw changed();
        }
        return next;
    }

    /**
     * BILL-7: the marketplace downgrades Seller Plus Premium to Standard. The membership subscription
     * ends now (the spec names no refund for this, so none is given) and PA switches off unless a
     * standalone PA subscription still runs; conversations stay in the inbox. Repeating it changes nothing.
     *
     * @return the subscription as ended now, or empty when none was running
     */
    public Optional<Subscription> endSellerPlus(String sellerId) {
        Optional<Subscription> running = store.subscription(sellerId, Plan.SELLER_PLUS_PREMIUM)
                .filter(s -> s.status() != SubscriptionStatus.ENDED && s.status() != SubscriptionStatus.PENDING);
        Optional<Subscription> ended = running.map(s -> s.endedAt(clock.instant()));
        if (ended.isPresent() && !store.replace(ended.get(), running.get().currentPeriodEnd(), running.get().status())) {
            throw changed();
        }
        planEnd.ended(sellerId, Plan.SELLER_PLUS_PREMIUM);
        return ended;
    }

    /** The seller's subscriptions; a reservation whose first payment is still being taken is not one yet. */
    public List<Subscription> subscriptions(String sellerId) {
        return store.subscriptions(sellerId).stream().filter(s -> s.status() != SubscriptionStatus.PENDING).toList();
    }

    public long balance(String sellerId) {
        return store.balance(sellerId);
    }

    public List<LedgerEntry> ledger(String sellerId) {
        return store.ledger(sellerId);
    }

    /** Earnings credited by the marketplace (POST /platform/sellers/{id}/balance). */
    public LedgerEntry credit(String sellerId, long amountCents) {
        if (amountCents <= 0) {
            throw DomainException.validation("amountCents must be greater than 0");
        }
        Instant now = clock.instant();
        LedgerEntry entry = new LedgerEntry("credit#" + now + "#" + UUID.randomUUID(), sellerId, LedgerEntry.Type.CREDIT,
                amountCents, LedgerEntry.Source.PLATFORM, null, null, now);
        store.credit(entry);
        return entry;
    }
}
