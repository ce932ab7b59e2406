package app.go.api;

import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.conversation.Message;
import app.go.domain.conversation.MessageFeedback;
import app.go.domain.conversation.ResponseStats;
import app.go.domain.assistant.AskForSeller;
import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;
import app.go.domain.port.IdempotencyStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static app.go.api.ApiResponses.json;

/** Routes on conversations, for the client and the seller in them. */
final class ConversationRoutes {
    private final ConversationService conversations;
    private final IdempotencyStore idempotency;
    private final AskForSeller askForSeller;

    ConversationRoutes(ConversationService conversations, IdempotencyStore idempotency, AskForSeller askForSeller) {
        this.conversations = conversations;
        this.idempotency = idempotency;
        this.askForSeller = askForSeller;
    }

    void register(Map<String, Route> routes) {
        routes.put("POST /conversations", new IdempotentRoute(this::start, idempotency));
        routes.put("POST /conversations/{id}/messages", new IdempotentRoute(this::post, idempotency));
        routes.put("GET /conversations/{id}/messages", this::messages);
        routes.put("GET /conversations/{id}/summary", this::summary);
        routes.put("POST /conversations/{id}/ask-for-seller", new IdempotentRoute(this::askForSeller, idempotency));
        routes.put("POST /conversations/{id}/messages/{messageId}/feedback", this::feedback);
        routes.put("GET /sellers/me/response-stats", this::responseStats);
    }

    private APIGatewayV2HTTPResponse start(ApiRequest request) {
        Caller caller = request.caller();
        Body body = request.body();
        String sellerId = Ids.require(body.text("sellerId", 100), "sellerId");
        String serviceId = body.optText("serviceId", 100).map(id -> Ids.require(id, "serviceId")).orElse(null);
        String text = body.text("text", ConversationService.MAX_TEXT_LENGTH);
        Conversation conversation = conversations.start(caller, sellerId, serviceId, text, request.header("Idempotency-Key"));
        return json(201, Map.of("conversationId", conversation.conversationId()));
    }

    private APIGatewayV2HTTPResponse post(ApiRequest request) {
        Caller caller = request.caller();
        String conversationId = request.pathId("id");
        String text = request.body().text("text", ConversationService.MAX_TEXT_LENGTH);
        Message message = conversations.post(caller, conversationId, text);
        return json(201, view(message));
    }

    private APIGatewayV2HTTPResponse messages(ApiRequest request) {
        Caller caller = request.caller();
        String conversationId = request.pathId("id");
        List<Map<String, Object>> messages = conversations.messages(caller, conversationId)
                .stream().map(ConversationRoutes::view).toList();
        if (caller.is(Caller.Role.SELLER)) {
            // PA-BEH-9: the seller sees the feedback on the assistant's replies
            Map<String, List<Map<String, Object>>> feedback = conversations.feedback(caller, conversationId).stream()
                    .collect(Collectors.groupingBy(MessageFeedback::messageId, Collectors.mapping(ConversationRoutes::feedbackView, Collectors.toList())));
            messages.stream().filter(m -> feedback.containsKey((String) m.get("id")))
                    .forEach(m -> m.put("feedback", feedback.get((String) m.get("id"))));
        }
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("messages", messages);
        String generationId = conversations.visibleTo(caller, conversationId).generationId();
        if (generationId != null) {
            view.put("generationId", generationId); // CM-GEN-3
        }
        return json(200, view);
    }

    /** PA-BEH-4 / PA-BEH-5: the client chooses to talk to the seller. */
    private APIGatewayV2HTTPResponse askForSeller(ApiRequest request) {
        String conversationId = request.pathId("id");
        askForSeller.ask(request.caller(), conversationId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("conversationId", conversationId);
        view.put("handoff", "STARTED");
        return json(202, view);
    }

    /** PA-BEH-9: thumbs up or down, with a comment, on an assistant reply. */
    private APIGatewayV2HTTPResponse feedback(ApiRequest request) {
        String conversationId = request.pathId("id");
        String messageId = request.pathId("messageId");
        Body body = request.body();
        MessageFeedback feedback = conversations.giveFeedback(request.caller(), conversationId, messageId,
                body.enumValue("rating", MessageFeedback.Rating.class),
                body.optText("comment", MessageFeedback.MAX_COMMENT_LENGTH).orElse(null));
        Map<String, Object> view = feedbackView(feedback);
        view.put("messageId", feedback.messageId());
        return json(200, view);
    }

    /** PA-BEH-8: the seller's response rate, the assistant's replies included. */
    private APIGatewayV2HTTPResponse responseStats(ApiRequest request) {
        ResponseStats stats = conversations.responseStats(request.caller());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("conversations", stats.conversations());
        view.put("responded", stats.responded());
        view.put("responseRate", stats.responseRate());
        return json(200, view);
    }

    private static Map<String, Object> feedbackView(MessageFeedback f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userId", f.userId());
        view.put("role", f.role());
        view.put("rating", f.rating().name());
        view.put("comment", f.comment());
        view.put("createdAt", f.at());
        return view;
    }

    private APIGatewayV2HTTPResponse summary(ApiRequest request) {
        Caller caller = request.caller().requireRole(Caller.Role.SELLER);
        Conversation conversation = conversations.visibleTo(caller, request.pathId("id"));
        java.util.Optional<app.go.domain.assistant.HandoffBrief> brief = conversations.brief(conversation);
        return conversations.summary(conversation)
                .map(s -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("conversationId", conversation.conversationId());
                    body.put("summary", s);
                    brief.ifPresent(b -> body.put("brief", b)); // PA-BEH-5: the structured brief
                    return json(200, body);
                })
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
