package app.go.domain.creation;

import app.go.domain.billing.OrderPayment;
import app.go.domain.billing.PaymentReservation;
import app.go.domain.billing.ReservationSweeper;
import app.go.domain.port.GenerationStore;
import app.go.support.log.Log;

import java.time.Clock;
import java.util.Optional;

/**
 * Orders and their payment reservations (BILL-13): the order key of a generation, opening the order
 * once it is paid, and the sweeper's owner of reservations a crashed purchase left: a confirmed charge
 * opens the order (a charge whose generation is gone goes back), an unconfirmed one is released.
 */
public final class OrderReservations implements ReservationSweeper.Owner {
    private static final String PREFIX = "order#";

    private final GenerationStore store;
    private final OrderPayment payments;
    private final Clock clock;

    public OrderReservations(GenerationStore store, OrderPayment payments, Clock clock) {
        this.store = store;
        this.payments = payments;
        this.clock = clock;
    }

    static String key(String generationId) {
        return PREFIX + generationId;
    }

    /** The paid generation's order, written once whoever gets there first. */
    CreationOrder open(Generation generation, String chargeId) {
        CreationOrder order = CreationOrder.paid(generation, chargeId, clock.instant());
        if (!store.createOrder(order)) {
            return store.order(generation.sellerId(), order.id()).orElseThrow();
        }
        Log.put("orderId", order.id());
        return order;
    }

    @Override
    public void resume(PaymentReservation reservation) {
        Optional<String> chargeId = payments.settle(reservation);
        if (chargeId.isEmpty()) {
            return;
        }
        Optional<Generation> generation = store.findGeneration(reservation.key().substring(PREFIX.length()));
        if (generation.isPresent()) {
            open(generation.get(), chargeId.get());
        } else {
            payments.refund(reservation, clock.instant());
        }
    }
}
