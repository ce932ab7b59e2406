package app.go.domain.assistant;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;

/**
 * PA-ACT-3: while the assistant answers for the seller, the seller's own automatic replies (the
 * marketplace's auto-reply feature) stay off, so a client never gets two automatic answers. A paused
 * assistant still answers its ongoing conversations (PA-ACT-5), so auto-replies stay off then too.
 */
public final class AutoReplyPolicy {
    private AutoReplyPolicy() {}

    public static boolean sellerAutoRepliesAllowed(AssistantSettings settings) {
        return settings.state() != AssistantState.ACTIVE && settings.state() != AssistantState.PAUSED;
    }
}
