package app.go.domain.assistant;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.Availability;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.HandoffSettings;
import app.go.domain.seller.SellerAccount;
import app.go.domain.port.SellerStore;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * The assistant's settings page: name (NAME-1/2), availability (PA-AV-1..3), excluded client types
 * (PA-AV-4) and handoff (PA-BEH-3); a desktop action (PA-ACT-7). The state is the lifecycle's.
 */
public final class AssistantSettingsService {
    private static final Log LOG = Log.get(AssistantSettingsService.class);

    private final SellerStore sellers;
    private final Clock clock;

    public AssistantSettingsService(SellerStore sellers, Clock clock) {
        this.sellers = sellers;
        this.clock = clock;
    }

    /** A change to the settings; a null field keeps its current value. */
    public record Change(String name, Availability availability, Set<ClientRecord.ClientType> excludedClientTypes,
                         HandoffSettings handoff) {}

    /** The settings with the day's assistant message count against the daily limit (PA-LIM-2). */
    public record View(AssistantSettings settings, int messagesToday, int dailyLimit) {}

    public View view(String sellerId) {
        return new View(sellers.assistant(sellerId), messagesToday(sellerId), AssistantResponder.DAILY_MESSAGE_LIMIT);
    }

    public AssistantSettings update(String sellerId, String clientPlatform, Change change) {
        AssistantLifecycle.requireDesktop(clientPlatform);
        AssistantSettings current = sellers.assistant(sellerId);
        String name = change.name() == null ? current.name() : NameRules.requireAcceptable(change.name());
        AssistantSettings next = current.withPreferences(name,
                change.availability() == null ? current.availability() : change.availability(),
                change.excludedClientTypes() == null ? current.excludedClientTypes() : change.excludedClientTypes(),
                change.handoff() == null ? current.handoff() : change.handoff(),
                clock.instant(), clientPlatform);
        sellers.saveAssistant(sellerId, next);
        LOG.info("assistant settings changed", "sellerId", sellerId, "availability", next.availability().mode().name(),
                "excludedClientTypes", next.excludedClientTypes().size());
        return next;
    }

    /** Assistant messages sent on the seller's current day, in their time zone (as the limit counts them). */
    private int messagesToday(String sellerId) {
        return sellers.account(sellerId)
                .map(account -> sellers.assistantMessagesOn(sellerId, LocalDate.ofInstant(clock.instant(), account.zone())))
                .orElse(0);
    }
}
