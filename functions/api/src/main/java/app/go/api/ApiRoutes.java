package app.go.api;

import app.go.domain.assistant.AssistantLifecycle;
import app.go.domain.assistant.AssistantSettingsService;
import app.go.domain.assistant.AssistantTrial;
import app.go.domain.conversation.ConversationService;
import app.go.domain.port.SellerStore;
import app.go.domain.billing.Entitlements;
import app.go.adapter.aws.dynamodb.DynamoBillingStore;
import app.go.adapter.aws.dynamodb.DynamoConversationStore;
import app.go.adapter.aws.dynamodb.DynamoCreationStore;
import app.go.adapter.aws.dynamodb.DynamoIdempotencyStore;
import app.go.adapter.aws.dynamodb.DynamoKnowledgeStore;
import app.go.domain.assistant.AskForSeller;
import app.go.domain.knowledge.KnowledgeService;
import app.go.adapter.aws.dynamodb.DynamoSellerStore;
import app.go.domain.port.LanguageModel;
import app.go.adapter.aws.sqs.SqsMessageQueue;
import app.go.domain.port.IdempotencyStore;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;

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
        var knowledge = new DynamoKnowledgeStore(adapters.dynamoDb(), env.require(SystemTopology.SELLERS.envVar()));
        var conversations = new ConversationService(conversationStore, sellers,
                new SqsMessageQueue(adapters.sqs(), env.require(SystemTopology.INBOUND_MESSAGES.envVar())), adapters.clock(),
                knowledge);

        Map<String, Route> routes = new HashMap<>();
        new PlatformRoutes(sellers, adapters.clock()).register(routes);
        new SellerRoutes(sellers, conversations).register(routes);
        // the model is reached lazily: only POST /sellers/me/assistant/try calls it
        LanguageModel model = new app.go.wiring.LazyLanguageModel(adapters);
        var billing = new DynamoBillingStore(adapters.dynamoDb(), env.require(SystemTopology.BILLING.envVar()));
        var creations = new DynamoCreationStore(adapters.dynamoDb(), env.require(SystemTopology.CREATIONS.envVar()));
        var entitlements = new Entitlements(billing, adapters.clock());
        new AssistantRoutes(sellers, new AssistantLifecycle(sellers, conversationStore, adapters.clock(), entitlements::hasAssistant),
                new AssistantSettingsService(sellers, adapters.clock()), new AssistantTrial(sellers, model, knowledge, adapters.clock()),
                idempotency, adapters.clock()).register(routes);
        new ConversationRoutes(conversations, idempotency, new AskForSeller(conversations, conversationStore,
                LazyAdapters.workflow(adapters, SystemTopology.HANDOFF_STATE_MACHINE_ENV))).register(routes);
        new KnowledgeRoutes(new KnowledgeService(sellers, knowledge, adapters.clock())).register(routes);
        new BillingRoutes(adapters, billing, sellers, idempotency).register(routes);
        new CreationRoutes(adapters, sellers, idempotency, creations, billing).register(routes);
        new GenerationRoutes(adapters, creations, conversationStore, idempotency, entitlements::hasCreationModel).register(routes);
        return routes;
    }
}
