package app.go.domain.billing;

import app.go.domain.billing.BillingRun;
import app.go.domain.billing.Entitlements;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.ProratedUpgrade;
import app.go.domain.billing.Renewal;
import app.go.domain.billing.Subscriptions;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.domain.port.IdempotencyStore;
import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryBillingStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingQueue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Billing services over in-memory fakes and the offline gateway. */
public final class BillingFixture {
    public static final PaymentMethod CARD = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa");
    public static final PaymentMethod PAYPAL = new PaymentMethod(PaymentMethod.Type.PAYPAL, "pp_token");
    public static final PaymentMethod DECLINING = new PaymentMethod(PaymentMethod.Type.CARD, "tok_decline_insufficient");

    public final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-02-18T09:00:00Z"), ZoneOffset.UTC));
    public final InMemoryBillingStore store = new InMemoryBillingStore();
    public final InMemorySellerStore sellers = new InMemorySellerStore();
    public final OfflinePaymentGateway gateway = new OfflinePaymentGateway();
    public final RecordingQueue queue = new RecordingQueue();
    public final IdempotencyStore idempotency;
    public final Subscriptions subscriptions;
    public final Renewal renewal;
    public final BillingRun run;
    public final ProratedUpgrade upgrades;
    public final Entitlements entitlements;

    public BillingFixture() {
        this(InMemoryIdempotencyStore.remembering());
    }

    public BillingFixture(IdempotencyStore idempotency) {
        this.idempotency = idempotency;
        subscriptions = new Subscriptions(store, sellers, gateway, clock);
        renewal = new Renewal(store, sellers, idempotency, gateway, clock);
        run = new BillingRun(store, queue);
        upgrades = new ProratedUpgrade(store, sellers, idempotency, gateway, clock);
        entitlements = new Entitlements(store, clock);
    }

    public BillingFixture seller(String sellerId, int level) {
        sellers.saveAccount(new SellerAccount(sellerId, level, false, "UTC", false));
        return this;
    }

    public BillingFixture assistant(String sellerId, AssistantState state) {
        sellers.saveAssistant(sellerId, AssistantSettings.initial().withState(state, clock.instant(), "mobile"));
        return this;
    }

    public AssistantState assistantState(String sellerId) {
        return sellers.assistant(sellerId).state();
    }
}
