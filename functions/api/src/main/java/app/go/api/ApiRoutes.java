package app.go.api;

import app.go.domain.creation.CreationPlan;
import app.go.domain.assistant.AssistantLifecycle;
import app.go.domain.assistant.AssistantSettingsService;
import app.go.domain.assistant.AssistantTrial;
import app.go.domain.conversation.ConversationService;
import app.go.domain.port.SellerStore;
import app.go.domain.billing.Entitlements;
import app.go.domain.assistant.AskForSeller;
import app.go.domain.knowledge.KnowledgeService;
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
        SellerStore sellers = adapters.sellers();
        var conversationStore = adapters.conversations();
        IdempotencyStore idempotency = adapters.idempotency();
        var knowledge = adapters.knowledge();
        var conversations = new ConversationService(conversationStore, sellers,
                new SqsMessageQueue(adapters.sqs(), env.require(SystemTopology.INBOUND_MESSAGES.envVar())), adapters.clock(),
                knowledge);

        Map<String, Route> routes = new HashMap<>();
        var billing = adapters.billing();
        new PlatformRoutes(sellers, billing, adapters.clock()).register(routes);
        new SellerRoutes(sellers, conversations, sellerId -> adapters.knowledgeService().reindex(sellerId)).register(routes);
        // the model is reached lazily: only POST /sellers/me/assistant/try calls it
        LanguageModel model = new app.go.wiring.LazyLanguageModel(adapters);
        var creations = adapters.creations();
        var entitlements = new Entitlements(billing, adapters.clock());
        new AssistantRoutes(sellers, new AssistantLifecycle(sellers, conversationStore, adapters.clock(), entitlements::hasAssistant),
                new AssistantSettingsService(sellers, adapters.clock()), new AssistantTrial(sellers, model, knowledge, adapters.clock(),
                        (seller, text, service, entries, vectors, limit) -> adapters.knowledgeRetriever()
                                .retrieve(seller, text, service, entries, vectors, limit)),
                idempotency, adapters.clock()).register(routes);
        new ConversationRoutes(conversations, idempotency, new AskForSeller(conversations, conversationStore,
                LazyAdapters.workflow(adapters, SystemTopology.HANDOFF_STATE_MACHINE_ENV))).register(routes);
        new KnowledgeRoutes(adapters.knowledgeService()).register(routes);
        new BillingRoutes(adapters, billing, sellers, idempotency).register(routes);
        new CreationRoutes(adapters, sellers, idempotency, creations, billing).register(routes);
        // ELIG-3: an ineligible seller's published models take no generation, even with a subscription left running
        new GenerationRoutes(adapters, creations, billing, conversationStore, conversations, idempotency,
                sellerId -> entitlements.hasCreationModel(sellerId) && CreationPlan.eligible(sellers, sellerId)).register(routes);
        return routes;
    }
}
