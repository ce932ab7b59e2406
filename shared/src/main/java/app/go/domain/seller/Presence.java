package app.go.domain.seller;

import java.time.Instant;

/**
 * What the seller's apps report about them: online (PA-AV-2) and out of office (PA-ACT-4).
 * A seller who never reported is offline and in office.
 */
public record Presence(boolean online, boolean outOfOffice, Instant updatedAt) {
    public static final Presence UNKNOWN = new Presence(false, false, null);
}
