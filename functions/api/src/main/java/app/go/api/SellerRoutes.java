package app.go.api;

import app.go.support.errors.DomainException;

import app.go.domain.assistant.AssistantLifecycle;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.port.SellerStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.go.api.ApiResponses.json;

/** Routes a seller uses on their own data ({@code /sellers/me/...}). */
final class SellerRoutes {
    /** Bounds the knowledge generated from services (a few entries each) and the seller's partition. */
    static final int MAX_SERVICES = 50;

    private final SellerStore sellers;
    private final ConversationService conversations;
    /** Issue 7: the generated knowledge follows the profile and services, so their vectors do too. */
    private final java.util.function.Consumer<String> knowledgeChanged;

    SellerRoutes(SellerStore sellers, ConversationService conversations) {
        this(sellers, conversations, sellerId -> {});
    }

    SellerRoutes(SellerStore sellers, ConversationService conversations, java.util.function.Consumer<String> knowledgeChanged) {
        this.sellers = sellers;
        this.conversations = conversations;
        this.knowledgeChanged = knowledgeChanged;
    }

    void register(Map<String, Route> routes) {
        routes.put("PUT /sellers/me/profile", this::putProfile);
        routes.put("PUT /sellers/me/services/{serviceId}", this::putService);
        routes.put("GET /sellers/me/inbox", this::inbox);
        routes.put("GET /sellers/me/notifications", this::notifications);
    }

    private APIGatewayV2HTTPResponse putProfile(ApiRequest request) {
        String sellerId = request.sellerId();
        Body body = request.body();
        SellerProfile profile = new SellerProfile(body.text("displayName", 80), body.optText("description", 2_000).orElse(null),
                body.texts("skills", 30, 60), body.texts("languages", 20, 40));
        sellers.saveProfile(sellerId, profile);
        knowledgeChanged.accept(sellerId);
        return json(200, profile);
    }

    private APIGatewayV2HTTPResponse putService(ApiRequest request) {
        String sellerId = request.sellerId();
        String serviceId = request.pathId("serviceId");
        Body body = request.body();
        List<SellerService.ServicePackage> packages = body.objects("packages", 3).stream()
                .map(p -> new SellerService.ServicePackage(p.text("name", 40), p.longValue("priceCents", 0, 100_000_00L),
                        p.integer("deliveryDays", 1, 365), p.integer("revisions", 0, 100), p.optText("description", 500).orElse(null)))
                .toList();
        List<SellerService.Faq> faq = body.objects("faq", 20).stream()
                .map(f -> new SellerService.Faq(f.text("question", 300), f.text("answer", 1_000))).toList();
        SellerService service = new SellerService(serviceId, body.text("title", 120), body.optText("description", 5_000).orElse(null),
                body.optText("subcategory", 60).orElse(null), packages, faq);
        List<SellerService> existing = sellers.services(sellerId);
        if (existing.size() >= MAX_SERVICES && existing.stream().noneMatch(s -> s.serviceId().equals(serviceId))) {
            throw new DomainException(DomainException.Kind.RULE, "SERVICE_LIMIT_REACHED",
                    "a seller has at most " + MAX_SERVICES + " services; change an existing one");
        }
        sellers.saveService(sellerId, service);
        knowledgeChanged.accept(sellerId);
        return json(200, service);
    }

    private APIGatewayV2HTTPResponse inbox(ApiRequest request) {
        List<Conversation> inbox = conversations.inbox(request.caller());
        String sellerId = request.sellerId();
        Optional<SellerAccount> account = sellers.account(sellerId);
        AssistantSettings assistant = sellers.assistant(sellerId);
        List<Map<String, Object>> items = inbox.stream()
                .map(c -> inboxItem(c, AssistantLifecycle.showsActivationPrompt(account, assistant, c))).toList();
        return json(200, Map.of("conversations", items));
    }

    private APIGatewayV2HTTPResponse notifications(ApiRequest request) {
        return json(200, sellers.notifications(request.sellerId()));
    }

    private static Map<String, Object> inboxItem(Conversation c, boolean activationPrompt) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("conversationId", c.conversationId());
        item.put("clientId", c.clientId());
        item.put("serviceId", c.serviceId());
        if (c.generationId() != null) {
            item.put("generationId", c.generationId()); // CM-GEN-3: the client came from this generation
        }
        item.put("handledBy", c.handledBy().name());
        item.put("newClient", c.newClient());
        item.put("createdAt", c.createdAt());
        item.put("lastActivityAt", c.lastActivityAt());
        item.put("activationPrompt", activationPrompt); // PA-ACT-2
        return item;
    }
}
