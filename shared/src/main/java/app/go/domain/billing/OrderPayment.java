package app.go.domain.billing;

import app.go.domain.port.BillingStore;
import app.go.domain.port.PaymentGateway;

import java.time.Instant;
import java.util.Optional;

/**
 * BILL-13 for a client's purchase: the order's business key is reserved before the card is charged, so
 * simultaneous purchases of one generation (whatever card each carries) make one charge, with the
 * payment method of the attempt that reserved first; a decline releases the key for another card.
 */
public final class OrderPayment {

    /** Paid ({@code chargeId}) or declined ({@code declineReason}). */
    public record Result(String chargeId, String declineReason) {
        public boolean declined() {
            return declineReason != null;
        }
    }

    private final ReservedPayment payment;

    public OrderPayment(BillingStore store, PaymentGateway gateway) {
        this.payment = new ReservedPayment(store, gateway);
    }

    public Result pay(String orderKey, String clientId, PaymentMethod method, long amountCents, Instant now) {
        PaymentReservation reservation = payment.reserveNext(orderKey, PaymentReservation.Purpose.ORDER, clientId, null, method,
                amountCents, false, now);
        ReservedPayment.Result paid = payment.pay(reservation);
        return new Result(paid.declined() ? null : paid.chargeId(), paid.declineReason());
    }

    /** The sweeper's settlement of an abandoned order reservation: the charge id when it was paid. */
    public Optional<String> settle(PaymentReservation reservation) {
        PaymentReservation settled = payment.settle(reservation);
        return settled.status() == PaymentReservation.Status.COMPLETED ? Optional.of(settled.chargeId()) : Optional.empty();
    }

    /** Gives a paid order's charge back (what it paid for cannot be delivered). */
    public void refund(PaymentReservation reservation, Instant now) {
        payment.refundToMethod(payment.settle(reservation), now);
    }
}
