package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.adapter.aws.dynamodb.DynamoConversationStore;
import app.go.adapter.aws.dynamodb.DynamoIdempotencyStore;
import app.go.adapter.aws.dynamodb.DynamoSellerStore;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;

/** Builds the handoff steps' service from the tables each function is given (see {@link SystemTopology}). */
final class HandoffWiring {
    private HandoffWiring() {}

    /**
     * @param withIdempotency true for the functions given the idempotency table (SendFollowUp)
     */
    static SellerHandoff sellerHandoff(Adapters adapters, boolean withIdempotency) {
        return new SellerHandoff(
                new DynamoConversationStore(adapters.dynamoDb(), adapters.env().require(SystemTopology.CONVERSATIONS.envVar())),
                new DynamoSellerStore(adapters.dynamoDb(), adapters.env().require(SystemTopology.SELLERS.envVar())),
                // lazy: only Summarize calls the model, so the others never build a Bedrock client
                new app.go.wiring.LazyLanguageModel(adapters),
                withIdempotency
                        ? new DynamoIdempotencyStore(adapters.dynamoDb(), adapters.env().require(SystemTopology.IDEMPOTENCY.envVar()), adapters.clock())
                        : null,
                adapters.clock());
    }
}
