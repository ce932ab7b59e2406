package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;

/** Builds the handoff steps' service from the tables each function is given (see {@link SystemTopology}). */
final class HandoffWiring {
    private HandoffWiring() {}

    static SellerHandoff sellerHandoff(Adapters adapters) {
        return new SellerHandoff(
                adapters.conversations(),
                adapters.sellers(),
                // lazy: only Summarize calls the model, so the others never build a Bedrock client
                new app.go.wiring.LazyLanguageModel(adapters),
                adapters.idempotency(),
                adapters.clock());
    }
}
