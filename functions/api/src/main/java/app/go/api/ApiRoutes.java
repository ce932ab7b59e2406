package app.go.api;

import app.go.domain.assistant.AssistantLifecycle;
import app.go.domain.conversation.ConversationService;
import app.go.domain.seller.SellerStore;
import app.go.shared.aws.dynamodb.DynamoConversationStore;
import app.go.shared.aws.dynamodb.DynamoIdempotencyStore;
import app.go.shared.aws.dynamodb.DynamoSellerStore;
import app.go.shared.aws.sqs.SqsMessageQueue;
import app.go.shared.idempotency.IdempotencyStore;
import app.go.shared.topology.SystemTopology;
import app.go.shared.wiring.Adapters;

import java.util.HashMap;
import java.util.Map;

/** Wires every route of the HTTP API to its domain service, once per container. */
final class ApiRoutes {
    private ApiRoutes() {}

    static Map<String, Route> all(Adapters adapters) {
        var env = adapters.env();
        SellerStore sellers = new DynamoSellerStore(adapters.dynamoDb(), env.require(SystemTopology.SELLERS.envVar()));
        var conversationStore = new DynamoConversationStore(adapters.dynamoDb(), env.require(SystemTopology.CONVERSATIONS.envVar()));
        IdempotencyStore idempotency = new DynamoIdempotencyStore(adapters.dynamoDb(),
                env.require(SystemTopology.IDEMPOTENCY.envVar()), adapters.clock());
        var conversations = new ConversationService(conversationStore, sellers,
                new SqsMessageQueue(adapters.sqs(), env.require(SystemTopology.INBOUND_MESSAGES.envVar())), adapters.clock());

        Map<String, Route> routes = new HashMap<>();
        new PlatformRoutes(sellers).register(routes);
        new SellerRoutes(sellers, new AssistantLifecycle(sellers, adapters.clock()), conversations).register(routes);
        new ConversationRoutes(conversations, idempotency).register(routes);
        new BillingRoutes(adapters, sellers, idempotency).register(routes);
        new CreationRoutes(adapters, sellers, idempotency).register(routes);
        return routes;
    }
}
