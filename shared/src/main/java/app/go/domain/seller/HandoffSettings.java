package app.go.domain.seller;

/**
 * PA-BEH-3: when the assistant calls the seller in. A client asking for the seller is always handed
 * over; custom offers and complex requests are the seller's choice. PA-BEH-6: how long the client
 * waits before each follow-up: {@code followUpAfterMinutes} after a handoff the seller did not join,
 * {@code unansweredFollowUpMinutes} after a message the assistant could not answer (the daily limit,
 * outside its availability), {@code notForwardedFollowUpMinutes} after the assistant declined to hand over.
 */
public record HandoffSettings(boolean onCustomOffer, boolean onComplexRequest, int followUpAfterMinutes,
                              int unansweredFollowUpMinutes, int notForwardedFollowUpMinutes) {
    public static final int MIN_FOLLOW_UP_MINUTES = 15;
    public static final int MAX_FOLLOW_UP_MINUTES = 1_440;
    public static final int DEFAULT_SELLER_NOT_JOINED_MINUTES = 60;
    public static final int DEFAULT_UNANSWERED_MINUTES = 30;
    public static final int DEFAULT_NOT_FORWARDED_MINUTES = 60;
    public static final HandoffSettings DEFAULT = new HandoffSettings(true, true, DEFAULT_SELLER_NOT_JOINED_MINUTES);

    public HandoffSettings {
        check("followUpAfterMinutes", followUpAfterMinutes);
        check("unansweredFollowUpMinutes", unansweredFollowUpMinutes);
        check("notForwardedFollowUpMinutes", notForwardedFollowUpMinutes);
    }

    /** The other two follow-ups at their defaults. */
    public HandoffSettings(boolean onCustomOffer, boolean onComplexRequest, int followUpAfterMinutes) {
        this(onCustomOffer, onComplexRequest, followUpAfterMinutes, DEFAULT_UNANSWERED_MINUTES, DEFAULT_NOT_FORWARDED_MINUTES);
    }

    public long followUpAfterSeconds() {
        return followUpAfterMinutes * 60L;
    }

    /** PA-BEH-6: the wait before the follow-up of one case. */
    public long followUpAfterSeconds(FollowUpCase followUpCase) {
        int minutes = switch (followUpCase) {
            case SELLER_NOT_JOINED -> followUpAfterMinutes;
            case UNANSWERED -> unansweredFollowUpMinutes;
            case NOT_FORWARDED -> notForwardedFollowUpMinutes;
        };
        return minutes * 60L;
    }

    private static void check(String name, int minutes) {
        if (minutes < MIN_FOLLOW_UP_MINUTES || minutes > MAX_FOLLOW_UP_MINUTES) {
            throw new IllegalArgumentException(name + " must be between " + MIN_FOLLOW_UP_MINUTES + " and " + MAX_FOLLOW_UP_MINUTES);
        }
    }
}
