package app.go.domain.assistant;

import app.go.domain.conversation.Conversation;
import app.go.domain.port.ConversationStore;
import app.go.domain.conversation.HandledBy;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.domain.port.SellerStore;
import app.go.support.errors.DomainException;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turning the assistant on and off: activate, pause, resume, deactivate (PA-ACT-5, -6; PA-ACT-7: a
 * mobile action; ELIG-1: eligible sellers only).
 */
public final class AssistantLifecycle {
    public static final String MOBILE = "mobile";
    public static final String DESKTOP = "desktop";
    private static final Log LOG = Log.get(AssistantLifecycle.class);

    private final SellerStore sellers;
    private final ConversationStore conversations;
    private final Clock clock;
    private final Predicate<String> subscribed;

    /** Without a conversation store {@link #deactivate} is not available. */
    public AssistantLifecycle(SellerStore sellers, Clock clock) {
        this(sellers, null, clock);
    }

    /** Every seller counts as subscribed (rule tests that are not about billing). */
    public AssistantLifecycle(SellerStore sellers, ConversationStore conversations, Clock clock) {
        this(sellers, conversations, clock, sellerId -> true);
    }

    /**
     * @param subscribed whether the seller pays for the assistant, standalone or through Seller Plus
     *                   Premium (BILL-1); see {@code app.go.domain.billing.Entitlements#hasAssistant}
     */
    public AssistantLifecycle(SellerStore sellers, ConversationStore conversations, Clock clock, Predicate<String> subscribed) {
        this.sellers = sellers;
        this.conversations = conversations;
        this.clock = clock;
        this.subscribed = subscribed;
    }

    /** PA-ACT-6's result: the settings, now inactive, and how many conversations went to the seller. */
    public record Deactivated(AssistantSettings settings, int movedToSeller) {}

    public AssistantSettings activate(String sellerId, String clientPlatform) {
        requireMobile(clientPlatform);
        requireEligible(sellerId);
        requireSubscription(sellerId);
        AssistantSettings next = sellers.assistant(sellerId).withState(AssistantState.ACTIVE, clock.instant(), clientPlatform);
        sellers.saveAssistant(sellerId, next);
        LOG.info("assistant activated", "sellerId", sellerId);
        return next;
    }

    /** PA-ACT-5: a paused assistant goes on in the conversations it answers and takes no new ones. */
    public AssistantSettings pause(String sellerId, String clientPlatform) {
        requireMobile(clientPlatform);
        AssistantSettings current = sellers.assistant(sellerId);
        if (current.state() == AssistantState.PAUSED) {
            return current;
        }
        if (current.state() != AssistantState.ACTIVE) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ASSISTANT_NOT_ACTIVE",
                    "only an active assistant can be paused; it is " + current.state());
        }
        return save(sellerId, current.withState(AssistantState.PAUSED, clock.instant(), clientPlatform), "assistant paused");
    }

    public AssistantSettings resume(String sellerId, String clientPlatform) {
        requireMobile(clientPlatform);
        AssistantSettings current = sellers.assistant(sellerId);
        if (current.state() == AssistantState.ACTIVE) {
            return current;
        }
        if (current.state() != AssistantState.PAUSED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ASSISTANT_NOT_PAUSED",
                    "only a paused assistant can be resumed; it is " + current.state() + " (activate it instead)");
        }
        requireEligible(sellerId);
        requireSubscription(sellerId);
        return save(sellerId, current.withState(AssistantState.ACTIVE, clock.instant(), clientPlatform), "assistant resumed");
    }

    /**
     * PA-ACT-6: the assistant stops and every conversation it was handling goes to the seller's inbox
     * for the seller to take over. Settings, subscription and billing stay as they are.
     */
    public Deactivated deactivate(String sellerId, String clientPlatform) {
        requireMobile(clientPlatform);
        Objects.requireNonNull(conversations, "deactivating needs the conversation store");
        AssistantSettings next = sellers.assistant(sellerId).withState(AssistantState.INACTIVE, clock.instant(), clientPlatform);
        // state first: a message arriving while conversations are moved is already refused
        sellers.saveAssistant(sellerId, next);
        Instant now = clock.instant();
        List<Conversation> handled = conversations.inbox(sellerId).stream()
                .filter(c -> c.handledBy() == HandledBy.ASSISTANT).toList();
        handled.forEach(c -> conversations.handOverToSeller(c, now));
        LOG.info("assistant deactivated", "sellerId", sellerId, "movedToSeller", handled.size());
        return new Deactivated(next, handled.size());
    }

    /**
     * PA-ACT-2: the seller sees an activation prompt at the start of a new client's conversation while
     * they are eligible but have not activated the assistant (inactive or still training).
     */
    public static boolean showsActivationPrompt(Optional<SellerAccount> account, AssistantSettings settings,
                                                Conversation conversation) {
        boolean notActivated = settings.state() == AssistantState.INACTIVE || settings.state() == AssistantState.TRAINING;
        return notActivated && conversation.newClient() && account.map(SellerAccount::eligibleForAssistant).orElse(false);
    }

    public static void requireMobile(String clientPlatform) {
        if (!MOBILE.equalsIgnoreCase(clientPlatform)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "MOBILE_ONLY",
                    "turning the assistant on or off is done in the mobile app (X-Client-Platform: mobile)");
        }
    }

    public static void requireDesktop(String clientPlatform) {
        if (!DESKTOP.equalsIgnoreCase(clientPlatform)) {
            throw desktopOnly();
        }
    }

    /**
     * PA-ACT-7 for the settings a seller reaches from the web app too (knowledge base, tries): the
     * mobile app is refused; a request that names no platform is the web app's.
     */
    public static void refuseMobile(String clientPlatform) {
        if (MOBILE.equalsIgnoreCase(clientPlatform)) {
            throw desktopOnly();
        }
    }

    private static DomainException desktopOnly() {
        return new DomainException(DomainException.Kind.FORBIDDEN, "DESKTOP_ONLY",
                "the assistant's settings are changed on the desktop (X-Client-Platform: desktop)");
    }

    private void requireEligible(String sellerId) {
        SellerAccount account = sellers.account(sellerId)
                .orElseThrow(() -> new DomainException(DomainException.Kind.RULE, "NOT_ELIGIBLE", "the seller is not known to the platform yet"));
        if (!account.eligibleForAssistant()) {
            throw new DomainException(DomainException.Kind.RULE, "NOT_ELIGIBLE",
                    "the Personal Assistant is for Level 2 sellers and above and for Seller Plus Premium members");
        }
    }

    /** BILL-1: PA is paid for ($29/month) or comes with Seller Plus Premium; trying it (PA-LIM-1) is free. */
    private void requireSubscription(String sellerId) {
        if (!subscribed.test(sellerId)) {
            throw new DomainException(DomainException.Kind.RULE, "SUBSCRIPTION_REQUIRED",
                    "activating the Personal Assistant needs its subscription or Seller Plus Premium");
        }
    }

    private AssistantSettings save(String sellerId, AssistantSettings next, String event) {
        sellers.saveAssistant(sellerId, next);
        LOG.info(event, "sellerId", sellerId);
        return next;
    }
}
