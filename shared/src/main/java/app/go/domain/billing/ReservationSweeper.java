package app.go.domain.billing;

import app.go.domain.port.BillingStore;
import app.go.domain.port.IdempotencyStore;
import app.go.domain.port.PaymentGateway;
import app.go.domain.port.SellerStore;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * BILL-13 crash recovery, run by the billing schedule: every reservation still RESERVED after
 * {@link Subscriptions#RESERVATION_ABANDONED_AFTER} (longer than any request or function runs) was left
 * by an attempt that stopped. Its owner finishes it when the gateway confirms the charge of its key
 * (the subscription is activated, the period renewed, the upgrade or the order completed) and releases
 * it otherwise (the balance part goes back, the PENDING subscription goes), so no seller stays blocked
 * and no charge stays without what it paid for.
 */
public final class ReservationSweeper {
    private static final Log LOG = Log.get(ReservationSweeper.class);

    /** Finishes or releases one abandoned reservation of its purpose. */
    @FunctionalInterface
    public interface Owner {
        void resume(PaymentReservation reservation);
    }

    private final BillingStore store;
    private final Subscriptions subscriptions;
    private final Renewal renewal;
    private final ProratedUpgrade upgrades;
    private final Owner orders;

    public ReservationSweeper(BillingStore store, SellerStore sellers, IdempotencyStore idempotency, PaymentGateway gateway,
                              Clock clock, Owner orders) {
        this.store = store;
        this.subscriptions = new Subscriptions(store, sellers, gateway, clock);
        this.renewal = new Renewal(store, sellers, idempotency, gateway, clock);
        this.upgrades = new ProratedUpgrade(store, sellers, idempotency, gateway, clock);
        this.orders = orders;
    }

    /** @return how many abandoned reservations were looked at */
    public int sweep(Instant at) {
        List<PaymentReservation> abandoned = store.openReservations(at.minus(Subscriptions.RESERVATION_ABANDONED_AFTER));
        int failed = 0;
        for (PaymentReservation reservation : abandoned) {
            try {
                owner(reservation.purpose()).resume(reservation);
            } catch (RuntimeException e) { // one stuck reservation must not keep the others waiting; the next run tries again
                failed++;
                LOG.error("reservation not reconciled", e, "key", reservation.key());
            }
        }
        if (!abandoned.isEmpty()) {
            LOG.info("reservations swept", "at", at.toString(), "found", abandoned.size(), "failed", failed);
        }
        return abandoned.size();
    }

    private Owner owner(PaymentReservation.Purpose purpose) {
        return switch (purpose) {
            case SUBSCRIBE -> subscriptions::resume;
            case RENEWAL -> renewal::resume;
            case UPGRADE -> upgrades::resume;
            case ORDER -> orders;
        };
    }
}
