package app.go.domain.billing;

import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerStore;
import app.go.shared.errors.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscribing, the balance and the ledger as the seller and the platform see them. */
public final class Subscriptions {
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
        store.subscription(sellerId, plan).filter(s -> s.status() != SubscriptionStatus.ENDED).ifPresent(s -> {
            throw new DomainException(DomainException.Kind.CONFLICT, "ALREADY_SUBSCRIBED", "already subscribed to " + plan);
        });
        Instant now = clock.instant();
        Subscription subscription = Subscription.start(sellerId, plan, now, method, true);
        String key = "subscribe#" + sellerId + "#" + plan + "#" + subscription.currentPeriodStart();
        PaymentGateway.ChargeResult result = gateway.charge(sellerId, method, plan.priceCents(), key);
        if (result instanceof PaymentGateway.ChargeResult.Declined declined) {
            throw new DomainException(DomainException.Kind.RULE, "PAYMENT_DECLINED", "the payment was declined: " + declined.reason());
        }
        String chargeId = ((PaymentGateway.ChargeResult.Approved) result).chargeId();
        if (!store.create(subscription)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ALREADY_SUBSCRIBED", "already subscribed to " + plan);
        }
        LedgerEntry.Source source = LedgerEntry.sourceOf(method);
        store.record(new LedgerEntry(key, sellerId, LedgerEntry.Type.CHARGE, plan.priceCents(), source, plan, chargeId, now));
        if (plan == Plan.SELLER_PLUS_PREMIUM) {
            SellerMembership.set(sellers, sellerId, true);
        }
        return new Subscribed(subscription, new Charge(plan.priceCents(), source, chargeId));
    }

    /** BILL-6: the subscription stays until its period ends, then ends without a charge or a refund. */
    public Subscription cancel(String sellerId, Plan plan) {
        Subscription current = store.subscription(sellerId, plan).filter(s -> s.status().awaitsPeriodEnd())
                .orElseThrow(() -> DomainException.notFound("active subscription to " + plan));
        Subscription next = current.withStatus(SubscriptionStatus.CANCELLED_AT_PERIOD_END);
        if (!store.replace(next, current.currentPeriodEnd())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "SUBSCRIPTION_CHANGED", "the subscription changed; retry");
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
                .filter(s -> s.status() != SubscriptionStatus.ENDED);
        Optional<Subscription> ended = running.map(s -> s.endedAt(clock.instant()));
        if (ended.isPresent() && !store.replace(ended.get(), running.get().currentPeriodEnd())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "SUBSCRIPTION_CHANGED", "the subscription changed; retry");
        }
        planEnd.ended(sellerId, Plan.SELLER_PLUS_PREMIUM);
        return ended;
    }

    public List<Subscription> subscriptions(String sellerId) {
        return store.subscriptions(sellerId);
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
