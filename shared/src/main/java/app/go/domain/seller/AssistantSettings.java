package app.go.domain.seller;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The seller's assistant: its state and name, when it answers (PA-AV-1..4), when it hands over
 * (PA-BEH-3), and where the last change came from (PA-ACT-7).
 */
public record AssistantSettings(String name, AssistantState state, Instant updatedAt, String updatedFrom,
                                Availability availability, Set<ClientRecord.ClientType> excludedClientTypes,
                                HandoffSettings handoff) {

    public static final String DEFAULT_NAME = "Assistant";

    public AssistantSettings {
        availability = availability == null ? Availability.ALWAYS : availability;
        excludedClientTypes = excludedClientTypes == null || excludedClientTypes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(excludedClientTypes));
        handoff = handoff == null ? HandoffSettings.DEFAULT : handoff;
    }

    /** Settings with the default availability, no excluded client types and the default handoff. */
    public AssistantSettings(String name, AssistantState state, Instant updatedAt, String updatedFrom) {
        this(name, state, updatedAt, updatedFrom, Availability.ALWAYS, Set.of(), HandoffSettings.DEFAULT);
    }

    public static AssistantSettings initial() {
        return new AssistantSettings(DEFAULT_NAME, AssistantState.INACTIVE, null, null);
    }

    public AssistantSettings withState(AssistantState next, Instant at, String platform) {
        return new AssistantSettings(name, next, at, platform, availability, excludedClientTypes, handoff);
    }

    /** The desktop settings (PA-ACT-7); the state is left as it is. */
    public AssistantSettings withPreferences(String newName, Availability newAvailability,
                                             Set<ClientRecord.ClientType> newExcluded, HandoffSettings newHandoff,
                                             Instant at, String platform) {
        return new AssistantSettings(newName, state, at, platform, newAvailability, newExcluded, newHandoff);
    }

    /** PA-AV-4: clients of these types are not answered. */
    public boolean excludes(ClientRecord.ClientType type) {
        return excludedClientTypes.contains(type);
    }
}
