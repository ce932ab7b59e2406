package app.go.api;

import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.conversation.Message;
import app.go.shared.auth.Caller;
import app.go.shared.errors.DomainException;
import app.go.shared.idempotency.IdempotencyStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.go.api.ApiResponses.json;

/** Routes on conversations, for the client and the seller in them. */
final class ConversationRoutes {
    private final ConversationService conversations;
    private final IdempotencyStore idempotency;

    ConversationRoutes(ConversationService conversations, IdempotencyStore idempotency) {
        this.conversations = conversations;
        this.idempotency = idempotency;
    }

    void register(Map<String, Route> routes) {
        routes.put("POST /conversations", new IdempotentRoute(this::start, idempotency));
        routes.put("POST /conversations/{id}/messages", new IdempotentRoute(this::post, idempotency));
        routes.put("GET /conversations/{id}/messages", this::messages);
        routes.put("GET /conversations/{id}/summary", this::summary);
    }

    private APIGatewayV2HTTPResponse start(ApiRequest request) {
        Caller caller = request.caller();
        Body body = request.body();
        String sellerId = Ids.require(body.text("sellerId", 100), "sellerId");
        String serviceId = body.optText("serviceId", 100).map(id -> Ids.require(id, "serviceId")).orElse(null);
        String text = body.text("text", ConversationService.MAX_TEXT_LENGTH);
        Conversation conversation = conversations.start(caller, sellerId, serviceId, text);
        return json(201, Map.of("conversationId", conversation.conversationId()));
    }

    private APIGatewayV2HTTPResponse post(ApiRequest request) {
        Caller caller = request.caller();
        String conversationId = Ids.require(request.path("id"), "id");
        String text = request.body().text("text", ConversationService.MAX_TEXT_LENGTH);
        Message message = conversations.post(caller, conversationId, text);
        return json(201, view(message));
    }

    private APIGatewayV2HTTPResponse messages(ApiRequest request) {
        Caller caller = request.caller();
        List<Map<String, Object>> messages = conversations.messages(caller, Ids.require(request.path("id"), "id"))
                .stream().map(ConversationRoutes::view).toList();
        return json(200, Map.of("messages", messages));
    }

    private APIGatewayV2HTTPResponse summary(ApiRequest request) {
        Caller caller = request.caller().requireRole(Caller.Role.SELLER);
        Conversation conversation = conversations.visibleTo(caller, Ids.require(request.path("id"), "id"));
        return conversations.summary(conversation)
                .map(s -> json(200, Map.of("conversationId", conversation.conversationId(), "summary", s)))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "NO_SUMMARY",
                        "no summary yet: one is written when the conversation is handed to the seller"));
    }

    static Map<String, Object> view(Message m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.messageId());
        view.put("author", m.author().name());
        view.put("text", m.text());
        view.put("language", m.language());
        view.put("createdAt", m.createdAt());
        return view;
    }
}
