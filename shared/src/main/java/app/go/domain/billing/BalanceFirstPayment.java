package app.go.domain.billing;

import app.go.domain.port.BillingStore;
import app.go.domain.port.PaymentGateway;

import java.time.Instant;
import java.util.Optional;

/**
 * BILL-3: a payment after the first one comes from the balance first, as much as it holds, and the
 * payment method on file pays the rest. Every movement is keyed on {@code key}: the ledger ids are
 * {@code key#balance}, {@code key#method}, {@code key#reversal} and {@code key#refund}, and the gateway gets {@code key}
 * as its idempotency key, so repeating a payment with the same key moves no money twice.
 */
final class BalanceFirstPayment {

    /** What was paid, or that the payment method declined (then the balance part was given back). */
    record Result(long fromBalanceCents, long fromMethodCents, LedgerEntry.Source methodSource, String chargeId,
                  boolean declined) {
        long totalCents() {
            return fromBalanceCents + fromMethodCents;
        }
    }

    private final BillingStore store;
    private final PaymentGateway gateway;

    BalanceFirstPayment(BillingStore store, PaymentGateway gateway) {
        this.store = store;
        this.gateway = gateway;
    }

    Result pay(String key, String sellerId, Plan plan, PaymentMethod method, long priceCents, Instant now) {
        Optional<LedgerEntry> charged = store.ledgerEntry(sellerId, key + "#method");
        if (charged.isPresent()) { // paid in full before: a retry must not take the balance again
            long fromBalance = store.ledgerEntry(sellerId, key + "#balance").map(LedgerEntry::amountCents).orElse(0L);
            return new Result(fromBalance, charged.get().amountCents(), charged.get().source(), charged.get().reference(), false);
        }
        long fromBalance = takeFromBalance(key, sellerId, plan, priceCents, now);
        long rest = priceCents - fromBalance;
        if (rest <= 0) {
            return new Result(fromBalance, 0, LedgerEntry.Source.BALANCE, null, false);
        }
        PaymentGateway.ChargeResult result = gateway.charge(sellerId, method, rest, key);
        if (result instanceof PaymentGateway.ChargeResult.Declined) {
            if (fromBalance > 0) {
                store.credit(new LedgerEntry(key + "#reversal", sellerId, LedgerEntry.Type.REVERSAL, fromBalance,
                        LedgerEntry.Source.BALANCE, plan, key, now));
            }
            return new Result(0, 0, LedgerEntry.sourceOf(method), null, true);
        }
        String chargeId = ((PaymentGateway.ChargeResult.Approved) result).chargeId();
        LedgerEntry.Source source = LedgerEntry.sourceOf(method);
        store.record(new LedgerEntry(key + "#method", sellerId, LedgerEntry.Type.CHARGE, rest, source, plan, chargeId, now));
        return new Result(fromBalance, rest, source, chargeId, false);
    }

    /**
     * Gives back what the payment with this key took and kept (balance part plus method part, less a
     * reversal), as one REFUND entry {@code key#refund}, so repeating it gives nothing more.
     * {@link PaymentGateway} has no refund call, so the method part goes to the balance too, where the
     * next fee is taken from first (BILL-3).
     *
     * @return the cents given back by this call
     */
    long refund(String key, String sellerId, Plan plan, Instant now) {
        long kept = amount(sellerId, key + "#balance") + amount(sellerId, key + "#method") - amount(sellerId, key + "#reversal");
        if (kept <= 0) {
            return 0;
        }
        return store.credit(new LedgerEntry(key + "#refund", sellerId, LedgerEntry.Type.REFUND, kept, LedgerEntry.Source.BALANCE,
                plan, key, now)) ? kept : 0;
    }

    private long amount(String sellerId, String entryId) {
        return store.ledgerEntry(sellerId, entryId).map(LedgerEntry::amountCents).orElse(0L);
    }

    /** Whether a payment with this key already moved money (a retry of an interrupted attempt). */
    boolean started(String key, String sellerId) {
        return store.ledgerEntry(sellerId, key + "#balance").isPresent() || store.ledgerEntry(sellerId, key + "#method").isPresent();
    }

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
