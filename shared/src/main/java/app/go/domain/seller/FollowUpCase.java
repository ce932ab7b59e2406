package app.go.domain.seller;

/** PA-BEH-6: the three moments a client is followed up with, at most once each per conversation. */
public enum FollowUpCase {
    /** The assistant handed over and the seller has not written since. */
    SELLER_NOT_JOINED,
    /** The assistant could not answer the client's message (the daily limit, outside its availability) and nobody has since. */
    UNANSWERED,
    /** The assistant declined to hand over (the seller's settings do not act on the reason) and the chat went quiet. */
    NOT_FORWARDED
}
