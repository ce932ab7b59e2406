package app.go.domain.billing;

import app.go.domain.port.BillingStore;

import app.go.domain.seller.EligibilityChange;
import app.go.domain.seller.SellerAccount;
import app.go.domain.port.SellerStore;

import app.go.domain.seller.Notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What stops when a subscription has ended (BILL-6, BILL-7). Nothing is deleted: conversations,
 * orders and assets stay readable. Safe to repeat.
 *
 * <ul>
 *   <li>Seller Plus Premium: the membership goes; if that costs the seller their PA eligibility they
 *       are told (ELIG-3).</li>
 *   <li>PA (standalone or through Seller Plus Premium): the assistant goes INACTIVE, so auto-replies
 *       stop, unless another subscription still includes PA; when Seller Plus Premium took it away the
 *       seller is told ({@value #ASSISTANT_SWITCHED_OFF}, BILL-7).</li>
 *   <li>Creation Model: {@link Entitlements#hasCreationModel} turns false; training and generation
 *       ask it.</li>
 * </ul>
 */
final class PlanEnd {
    static final String ASSISTANT_SWITCHED_OFF = "ASSISTANT_SWITCHED_OFF";
    private final SellerStore sellers;
    private final Entitlements entitlements;
    private final EligibilityChange eligibility;
    private final Clock clock;

    PlanEnd(BillingStore store, SellerStore sellers, Clock clock) {
        this.sellers = sellers;
        this.clock = clock;
        this.entitlements = new Entitlements(store, clock);
        this.eligibility = new EligibilityChange(sellers, clock);
    }

    void ended(String sellerId, Plan plan) {
        if (plan == Plan.SELLER_PLUS_PREMIUM) {
            Optional<SellerAccount> before = sellers.account(sellerId);
            SellerMembership.set(sellers, sellerId, false);
            sellers.account(sellerId).ifPresent(after -> eligibility.apply(before, after));
        }
        if (plan != Plan.CREATION_MODEL && !entitlements.hasAssistant(sellerId) && eligibility.switchAssistantOff(sellerId)
                && plan == Plan.SELLER_PLUS_PREMIUM) {
            Instant now = clock.instant();
            sellers.addNotificationIfAbsent(sellerId, new Notification("assistant-off#" + plan + "#" + now, ASSISTANT_SWITCHED_OFF,
                    null, now));
        }
    }
}
