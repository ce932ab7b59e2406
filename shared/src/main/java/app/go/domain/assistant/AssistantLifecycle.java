package app.go.domain.assistant;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerStore;
import app.go.shared.errors.DomainException;
import app.go.shared.log.Log;

import java.time.Clock;

/** Turning the assistant on (PA-ACT-7: a mobile action, ELIG-1: eligible sellers only). */
public final class AssistantLifecycle {
    public static final String MOBILE = "mobile";
    private static final Log LOG = Log.get(AssistantLifecycle.class);

    private final SellerStore sellers;
    private final Clock clock;

    public AssistantLifecycle(SellerStore sellers, Clock clock) {
        this.sellers = sellers;
        this.clock = clock;
    }

    public AssistantSettings activate(String sellerId, String clientPlatform) {
        requireMobile(clientPlatform);
        SellerAccount account = sellers.account(sellerId)
                .orElseThrow(() -> new DomainException(DomainException.Kind.RULE, "NOT_ELIGIBLE", "the seller is not known to the platform yet"));
        if (!account.eligibleForAssistant()) {
            throw new DomainException(DomainException.Kind.RULE, "NOT_ELIGIBLE",
                    "the Personal Assistant is for Level 2 sellers and above and for Seller Plus Premium members");
        }
        AssistantSettings next = sellers.assistant(sellerId).withState(AssistantState.ACTIVE, clock.instant(), clientPlatform);
        sellers.saveAssistant(sellerId, next);
        LOG.info("assistant activated", "sellerId", sellerId);
        return next;
    }

    static void requireMobile(String clientPlatform) {
        if (!MOBILE.equalsIgnoreCase(clientPlatform)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "MOBILE_ONLY",
                    "turning the assistant on or off is done in the mobile app (X-Client-Platform: mobile)");
        }
    }
}
