package app.go.billing.domain;

import app.go.domain.billing.BillingRun;
import app.go.domain.billing.Entitlements;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.ProratedUpgrade;
import app.go.domain.billing.Renewal;
import app.go.domain.billing.Subscriptions;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.shared.idempotency.IdempotencyStore;
import app.go.shared.payments.offline.OfflinePaymentGateway;
import app.go.shared.time.AdjustableClock;
import app.go.testing.InMemoryBillingStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingQueue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Billing services over in-memory fakes and the offline gateway. */
final class BillingFixture {
    static final PaymentMethod CARD = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa");
    static final PaymentMethod PAYPAL = new PaymentMethod(PaymentMethod.Type.PAYPAL, "pp_token");
    static final PaymentMethod DECLINING = new PaymentMethod(PaymentMethod.Type.CARD, "tok_decline_insufficient");

    final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-02-18T09:00:00Z"), ZoneOffset.UTC));
    final InMemoryBillingStore store = new InMemoryBillingStore();
    final InMemorySellerStore sellers = new InMemorySellerStore();
    final OfflinePaymentGateway gateway = new OfflinePaymentGateway();
    final RecordingQueue queue = new RecordingQueue();
    final IdempotencyStore idempotency;
    final Subscriptions subscriptions;
    final Renewal renewal;
    final BillingRun run;
    final ProratedUpgrade upgrades;
    final Entitlements entitlements;

    BillingFixture() {
        this(InMemoryIdempotencyStore.remembering());
    }

    BillingFixture(IdempotencyStore idempotency) {
        this.idempotency = idempotency;
        subscriptions = new Subscriptions(store, sellers, gateway, clock);
        renewal = new Renewal(store, sellers, idempotency, gateway, clock);
        run = new BillingRun(store, queue);
        upgrades = new ProratedUpgrade(store, sellers, idempotency, gateway, clock);
        entitlements = new Entitlements(store, clock);
    }

    BillingFixture seller(String sellerId, int level) {
        sellers.saveAccount(new SellerAccount(sellerId, level, false, "UTC", false));
        return this;
    }

    BillingFixture assistant(String sellerId, AssistantState state) {
        sellers.saveAssistant(sellerId, AssistantSettings.initial().withState(state, clock.instant(), "mobile"));
        return this;
    }

    AssistantState assistantState(String sellerId) {
        return sellers.assistant(sellerId).state();
    }
}
