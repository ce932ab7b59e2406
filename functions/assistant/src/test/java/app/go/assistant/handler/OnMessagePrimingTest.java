package app.go.assistant.handler;

import app.go.adapter.offline.OfflineLanguageModel;
import app.go.support.config.Env;
import app.go.wiring.Adapters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The priming's safety only; what it does against DynamoDB is proven in local/ (OnMessagePrimingTest there). */
class OnMessagePrimingTest {

    @Test
    @DisplayName("Priming without the tables configured reports failure instead of throwing")
    void failureIsSwallowed() {
        Adapters unconfigured = new Adapters(new Env(Map.of()), Clock.systemUTC(), a -> new OfflineLanguageModel(), a -> null);
        assertFalse(new OnMessagePriming(unconfigured).prime());
    }

    @Test
    @DisplayName("Priming keys cannot name real data: ids never contain '#'")
    void primingKeysAreNotIds() {
        assertTrue(OnMessagePriming.SELLER.contains("#") && OnMessagePriming.CONVERSATION.contains("#"));
    }

    @Test
    @DisplayName("Registering with CRaC outside a CRaC runtime is harmless and hands back the priming to keep")
    void registersOutsideCrac() {
        Adapters unconfigured = new Adapters(new Env(Map.of()), Clock.systemUTC(), a -> new OfflineLanguageModel(), a -> null);
        assertNotNull(OnMessagePriming.registered(unconfigured));
    }
}
