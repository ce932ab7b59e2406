package app.go.domain.billing;

import app.go.domain.port.BillingStore;
import app.go.domain.port.SellerStore;
import app.go.domain.seller.EligibilityChange;
import app.go.domain.seller.SellerAccount;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ELIG-3 in billing: the standalone plans a seller may no longer use end at once, so nothing is charged
 * for them again and every feature that asks the subscription stops (PA replies, CM training,
 * playground, generation, publishing). The unused calendar days go back to the balance by the BILL-8
 * rule (the marketplace, not the seller, took the plan away). Seller Plus Premium is a membership, not
 * a feature plan: it is not ended by a lower level, and keeps PA eligible through ELIG-1. Regaining
 * eligibility lets the seller subscribe again (an ENDED subscription can be replaced).
 */
public final class EligibilityLoss {
    private static final Log LOG = Log.get(EligibilityLoss.class);

    private final BillingStore store;
    private final PlanEnd planEnd;
    private final SellerStore sellers;
    private final Clock clock;

    public EligibilityLoss(BillingStore store, SellerStore sellers, Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.clock = clock;
        this.planEnd = new PlanEnd(store, sellers, clock);
    }

    /** @return the plans ended now (empty when nothing was running); safe to repeat */
    public List<Subscription> apply(String sellerId, EligibilityChange.Lost lost) {
        List<Subscription> ended = new ArrayList<>();
        if (lost.assistant()) {
            end(sellerId, Plan.PERSONAL_ASSISTANT).ifPresent(ended::add);
        }
        if (lost.creationModel()) {
            end(sellerId, Plan.CREATION_MODEL).ifPresent(ended::add);
        }
        return ended;
    }

    private Optional<Subscription> end(String sellerId, Plan plan) {
        for (int round = 0; round < 3; round++) {
            Optional<Subscription> running = store.subscription(sellerId, plan).filter(s -> s.status().billable());
            if (running.isEmpty()) {
                return Optional.empty();
            }
            Subscription current = running.get();
            Instant now = clock.instant();
            Subscription ended = current.endedAt(now);
            if (store.replace(ended, current.currentPeriodEnd(), current.status())) {
                refundUnusedDays(current, now);
                planEnd.ended(sellerId, plan);
                LOG.info("plan ended: eligibility lost", "sellerId", sellerId, "plan", plan.name());
                return Optional.of(ended);
            }
        }
        throw new IllegalStateException("the subscription keeps changing; retry");
    }

    private void refundUnusedDays(Subscription current, Instant now) {
        if (current.status() == SubscriptionStatus.PAST_DUE) {
            return; // its period was not paid
        }
        Proration proration = Proration.of(current.plan().priceCents(), now, current.currentPeriodEnd(),
                sellers.account(current.sellerId()).map(SellerAccount::zone).orElse(ZoneOffset.UTC));
        if (proration.refundCents() > 0) {
            String key = "eligibility#" + current.sellerId() + "#" + current.plan() + "#" + current.currentPeriodEnd();
            store.credit(new LedgerEntry(key + "#refund", current.sellerId(), LedgerEntry.Type.REFUND, proration.refundCents(),
                    LedgerEntry.Source.BALANCE, current.plan(), key, now));
        }
    }
}
