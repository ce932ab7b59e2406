package app.go.domain.seller;

/**
 * PA-BEH-3: when the assistant calls the seller in. A client asking for the seller is always handed
 * over; custom offers and complex requests are the seller's choice. {@code followUpAfterMinutes} is
 * how long the client waits for the seller before the follow-up (PA-BEH-6).
 */
public record HandoffSettings(boolean onCustomOffer, boolean onComplexRequest, int followUpAfterMinutes) {
    public static final int MIN_FOLLOW_UP_MINUTES = 15;
    public static final int MAX_FOLLOW_UP_MINUTES = 1_440;
    public static final HandoffSettings DEFAULT = new HandoffSettings(true, true, 240);

    public HandoffSettings {
        if (followUpAfterMinutes < MIN_FOLLOW_UP_MINUTES || followUpAfterMinutes > MAX_FOLLOW_UP_MINUTES) {
            throw new IllegalArgumentException("followUpAfterMinutes must be between "
                    + MIN_FOLLOW_UP_MINUTES + " and " + MAX_FOLLOW_UP_MINUTES);
        }
    }

    public long followUpAfterSeconds() {
        return followUpAfterMinutes * 60L;
    }
}
