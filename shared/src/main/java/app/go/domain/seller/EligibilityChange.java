package app.go.domain.seller;

import app.go.domain.port.SellerStore;

import app.go.support.log.Log;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ELIG-3: a seller who loses eligibility is notified and the feature stops; past data (conversations,
 * models, assets) stays readable because nothing is deleted.
 *
 * <p>Losing is a transition: eligible before the change, not after it. One change gives one
 * {@value #ELIGIBILITY_LOST} notification whose id names the lost features ({@code eligibility-lost#PA#<time>},
 * {@code eligibility-lost#CM#<time>} or {@code eligibility-lost#PA+CM#<time>}); applying the same change
 * again finds no transition and notifies nobody. The plans the seller may no longer use end in billing
 * ({@code app.go.domain.billing.EligibilityLoss}). Losing PA switches the assistant to INACTIVE (its conversations stay in the inbox).
 * Losing CM is reported here ({@link Lost#creationModel()}); the Creation Model reads the account's
 * eligibility itself before training and generating.
 */
public final class EligibilityChange {
    public static final String ELIGIBILITY_LOST = "ELIGIBILITY_LOST";
    /** Recorded as the assistant's {@code updatedFrom} when a rule, not the seller, switches it off. */
    public static final String SYSTEM = "system";
    private static final Log LOG = Log.get(EligibilityChange.class);

    /** Which features the change took away. */
    public record Lost(boolean assistant, boolean creationModel) {
        /** "PA" and/or "CM", as in the notification ids. */
        public List<String> features() {
            List<String> features = new ArrayList<>();
            if (assistant) {
                features.add("PA");
            }
            if (creationModel) {
                features.add("CM");
            }
            return features;
        }
    }

    private final SellerStore sellers;
    private final Clock clock;

    public EligibilityChange(SellerStore sellers, Clock clock) {
        this.sellers = sellers;
        this.clock = clock;
    }

    /** Call after saving {@code after}; {@code before} is the account as it was (empty for a new seller). */
    public Lost apply(Optional<SellerAccount> before, SellerAccount after) {
        boolean assistant = before.map(SellerAccount::eligibleForAssistant).orElse(false) && !after.eligibleForAssistant();
        boolean creationModel = before.map(SellerAccount::eligibleForCreationModel).orElse(false) && !after.eligibleForCreationModel();
        Instant now = clock.instant();
        Lost lost = new Lost(assistant, creationModel);
        if (assistant) {
            switchAssistantOff(after.sellerId());
        }
        if (!lost.features().isEmpty()) {
            notifyLost(after.sellerId(), String.join("+", lost.features()), now);
        }
        return lost;
    }

    /**
     * Sets the assistant INACTIVE unless it already is (ELIG-3, BILL-6, BILL-7). Unlike the seller's
     * own deactivation this keeps every conversation where it is.
     *
     * @return whether the state changed
     */
    public boolean switchAssistantOff(String sellerId) {
        AssistantSettings settings = sellers.assistant(sellerId);
        if (settings.state() == AssistantState.INACTIVE) {
            return false;
        }
        sellers.saveAssistant(sellerId, settings.withState(AssistantState.INACTIVE, clock.instant(), SYSTEM));
        LOG.info("assistant switched off", "sellerId", sellerId, "was", settings.state().name());
        return true;
    }

    private void notifyLost(String sellerId, String features, Instant now) {
        sellers.addNotificationIfAbsent(sellerId, new Notification("eligibility-lost#" + features + "#" + now, ELIGIBILITY_LOST, null, now));
        LOG.info("eligibility lost", "sellerId", sellerId, "features", features);
    }
}
