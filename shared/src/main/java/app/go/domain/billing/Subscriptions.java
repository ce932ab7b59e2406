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
    /** Longer than any request or function may run (API 15 s, renewals 30 s): older reservations were left by a crash. */
    public static final Duration RESERVATION_ABANDONED_AFTER = Duration.ofMinutes(2);
    public static final String INCLUDED_IN_SELLER_PLUS = "INCLUDED_IN_SELLER_PLUS_PREMIUM";

    private final BillingStore store;
    private final SellerStore sellers;
    private final Clock clock;
    private final PlanEnd planEnd;
    private final ReservedPayment payment;
    private final Entitlements entitlements;

    public Subscriptions(BillingStore store, SellerStore sellers, PaymentGateway gateway, Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.clock = clock;
        this.planEnd = new PlanEnd(store, sellers, clock);
        this.payment = new ReservedPayment(store, gateway);
        this.entitlements = new Entitlements(store, clock);
    }

    /** The first charge of a subscription. */
    public record Charge(long amountCents, LedgerEntry.Source source, String chargeId) {}

    public record Subscribed(Subscription subscription, Charge charge) {}

    /**
     * BILL-4 consent, ELIG-1 for PA, ELIG-2 for CM, BILL-12 no standalone PA for a Seller Plus Premium member,
     * BILL-3 first payment by card or PayPal; the subscription's periods then run monthly from now.
     * BILL-13: the PENDING subscription holds the plan, the payment reservation holds the charge's business
     * key (plan + period start), then the method is charged with that key and the subscription activated.
     */
    public Subscribed subscribe(String sellerId, Plan plan, PaymentMethod method, boolean autoRenewConsent) {
        if (!autoRenewConsent) {
            throw new DomainException(DomainException.Kind.RULE, "AUTO_RENEW_CONSENT_REQUIRED",
                    "subscribing requires confirming the automatic monthly renewal");
        }
        requireEligible(sellerId, plan);
        Instant now = clock.instant();
        Optional<Subscription> existing = store.subscription(sellerId, plan);
        if (existing.isPresent() && existing.get().status() == SubscriptionStatus.PENDING
                && !now.isBefore(existing.get().currentPeriodStart().plus(RESERVATION_ABANDONED_AFTER))) {
            Optional<Subscribed> finished = resumePending(existing.get(), now);
            if (finished.isPresent()) {
                return finished.get();
            }
            existing = store.subscription(sellerId, plan);
        }
        Subscription pending = reserve(sellerId, plan, method, existing, now);
        PaymentReservation reservation = payment.reserveNext(key(pending), PaymentReservation.Purpose.SUBSCRIBE, sellerId, plan,
                method, plan.priceCents(), false, now);
        ReservedPayment.Result paid = payment.pay(reservation);
        if (paid.declined()) {
            release(pending, existing.filter(e -> e.status() == SubscriptionStatus.ENDED));
            throw new DomainException(DomainException.Kind.RULE, "PAYMENT_DECLINED", "the payment was declined: " + paid.declineReason());
        }
        return activate(pending, paid.reservation(), now);
    }

    /** The business key of a subscription's first payment. */
    static String key(Subscription pending) {
        return "subscribe#" + pending.sellerId() + "#" + pending.plan() + "#" + pending.currentPeriodStart();
    }

    private void requireEligible(String sellerId, Plan plan) {
        Optional<SellerAccount> account = sellers.account(sellerId);
        if (plan == Plan.PERSONAL_ASSISTANT && !account.map(SellerAccount::eligibleForAssistant).orElse(false)) {
            throw new DomainException(DomainException.Kind.RULE, "NOT_ELIGIBLE",
                    "the Personal Assistant is for sellers of level 2 and above and Seller Plus Premium members");
        }
        if (plan == Plan.PERSONAL_ASSISTANT && (account.map(SellerAccount::sellerPlusPremium).orElse(false)
                || entitlements.has(sellerId, Plan.SELLER_PLUS_PREMIUM))) {
            throw new DomainException(DomainException.Kind.CONFLICT, INCLUDED_IN_SELLER_PLUS,
                    "the Personal Assistant is included in Seller Plus Premium; it cannot be bought on its own");
        }
        if (plan == Plan.CREATION_MODEL && !account.map(SellerAccount::eligibleForCreationModel).orElse(false)) {
            throw new DomainException(DomainException.Kind.RULE, "NOT_ELIGIBLE",
                    "Creation Models are for sellers of level 2 and above, and for Pro sellers");
        }
    }

    /** PENDING → ACTIVE once paid; a charge whose subscription cannot be activated any more goes back (BILL-13). */
    private Subscribed activate(Subscription pending, PaymentReservation paid, Instant now) {
        Subscription subscription = pending.withStatus(SubscriptionStatus.ACTIVE);
        if (!store.replace(subscription, pending.currentPeriodEnd(), SubscriptionStatus.PENDING)) {
            Optional<Subscription> active = store.subscription(pending.sellerId(), pending.plan())
                    .filter(s -> s.status() == SubscriptionStatus.ACTIVE && s.currentPeriodStart().equals(pending.currentPeriodStart()));
            if (active.isEmpty()) {
                payment.refundToMethod(paid, now);
                throw changed();
            }
            subscription = active.get(); // a concurrent finisher of the same reservation activated it
        }
        if (pending.plan() == Plan.SELLER_PLUS_PREMIUM) {
            SellerMembership.set(sellers, pending.sellerId(), true);
        }
        return new Subscribed(subscription, new Charge(pending.plan().priceCents(), LedgerEntry.sourceOf(paid.method()),
                paid.chargeId()));
    }

    /**
     * Finishes a PENDING subscription whose subscribe stopped half-way: paid (the gateway confirms the
     * charge of its key) → activated; otherwise the reservation and the PENDING subscription go.
     */
    private Optional<Subscribed> resumePending(Subscription pending, Instant now) {
        Optional<PaymentReservation> reservation = payment.reservation(pending.sellerId(), key(pending)).map(payment::settle);
        if (reservation.isPresent() && reservation.get().status() == PaymentReservation.Status.COMPLETED) {
            return Optional.of(activate(pending, reservation.get(), now));
        }
        release(pending, Optional.empty());
        return Optional.empty();
    }

    /** The sweeper's call for a SUBSCRIBE reservation left RESERVED by a crash. */
    void resume(PaymentReservation reservation) {
        Instant now = clock.instant();
        Optional<Subscription> pending = store.subscription(reservation.accountId(), reservation.plan())
                .filter(s -> s.status() == SubscriptionStatus.PENDING && key(s).equals(reservation.key()));
        if (pending.isPresent()) {
            resumePending(pending.get(), now);
            return;
        }
        payment.refundToMethod(payment.settle(reservation), now); // nothing left to activate: a charge goes back
    }

    /**
     * Holds the seller's one subscription to {@code plan} as PENDING while the first payment is taken,
     * by the same conditional create that keeps a second subscription out.
     */
    private Subscription reserve(String sellerId, Plan plan, PaymentMethod method, Optional<Subscription> existing, Instant now) {
        if (existing.isPresent() && existing.get().status() != SubscriptionStatus.ENDED) {
            throw alreadySubscribed(plan);
        }
        Subscription reservation = Subscription.start(sellerId, plan, now, method, true).withStatus(SubscriptionStatus.PENDING);
        if (!store.create(reservation)) {
            throw alreadySubscribed(plan);
        }
        return reservation;
    }

    /**
     * A declined or abandoned first payment: the PENDING subscription goes (the ENDED one it replaced comes
     * back, so past periods keep the subscription they paid for) and the seller can subscribe again.
     */
    private void release(Subscription pending, Optional<Subscription> replacedEnded) {
        if (replacedEnded.isPresent()) {
            store.replace(replacedEnded.get(), pending.currentPeriodEnd(), SubscriptionStatus.PENDING);
        } else {
            store.delete(pending.sellerId(), pending.plan(), pending.currentPeriodEnd(), SubscriptionStatus.PENDING);
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

    /**
     * BILL-11: the payment method later charges use, on every subscription that still renews or retries;
     * the next retry of a declined renewal charges it.
     *
     * @return the subscriptions changed
     */
    public List<Subscription> replacePaymentMethod(String sellerId, PaymentMethod method) {
        List<Subscription> changed = new java.util.ArrayList<>();
        for (Subscription current : store.subscriptions(sellerId)) {
            if (!current.status().billable()) {
                continue;
            }
            Subscription next = current.withPaymentMethod(method);
            if (!store.replace(next, current.currentPeriodEnd(), current.status())) {
                throw changed();
            }
            changed.add(next);
        }
        if (changed.isEmpty()) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "NO_SUBSCRIPTION",
                    "there is no running subscription whose payment method could be replaced");
        }
        return changed;
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
