package app.go.api;

import app.go.domain.assistant.AssistantLifecycle;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.KnowledgeService;
import app.go.support.errors.DomainException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.go.api.ApiResponses.json;

/** The seller's knowledge base ({@code /sellers/me/assistant/knowledge}, PA-KB-1..3). */
final class KnowledgeRoutes {
    private final KnowledgeService knowledge;

    KnowledgeRoutes(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    void register(Map<String, Route> routes) {
        routes.put("GET /sellers/me/assistant/knowledge", this::get);
        routes.put("PUT /sellers/me/assistant/knowledge", this::put);
        routes.put("POST /sellers/me/assistant/knowledge/restore-defaults", this::restoreDefaults);
        routes.put("GET /sellers/me/assistant/unanswered", this::unanswered);
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        return json(200, view(knowledge.view(request.sellerId())));
    }

    /** PA-KB-3: what clients asked that the assistant could not answer, most frequent first. */
    private APIGatewayV2HTTPResponse unanswered(ApiRequest request) {
        List<Map<String, Object>> questions = knowledge.unanswered(request.sellerId()).stream().map(g -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("text", g.text());
            view.put("normalized", g.normalized());
            view.put("count", g.count());
            view.put("lastAskedAt", g.lastAskedAt());
            view.put("conversationIds", g.conversationIds());
            return view;
        }).toList();
        return json(200, Map.of("questions", questions));
    }

    /** PA-KB-2 "save changes": the entries the assistant answers from, from its next reply on. */
    private APIGatewayV2HTTPResponse put(ApiRequest request) {
        AssistantLifecycle.refuseMobile(request.clientPlatform()); // PA-ACT-7
        String sellerId = request.sellerId();
        Body body = request.body();
        if (!body.raw().path("entries").isArray()) {
            throw DomainException.validation("entries is required and must be a list");
        }
        List<KnowledgeService.Draft> drafts = body.objects("entries", KnowledgeService.MAX_ENTRIES).stream()
                .map(e -> new KnowledgeService.Draft(e.optText("id", 200).orElse(null),
                        e.optText("scope", 20).isPresent() ? e.enumValue("scope", KnowledgeEntry.Scope.class) : KnowledgeEntry.Scope.GENERAL,
                        e.optText("serviceId", 100).orElse(null),
                        e.text("question", KnowledgeEntry.MAX_QUESTION_LENGTH),
                        e.text("answer", KnowledgeEntry.MAX_ANSWER_LENGTH)))
                .toList();
        return json(200, view(knowledge.save(sellerId, drafts)));
    }

    /** PA-KB-2 "restore defaults". */
    private APIGatewayV2HTTPResponse restoreDefaults(ApiRequest request) {
        AssistantLifecycle.refuseMobile(request.clientPlatform()); // PA-ACT-7
        return json(200, view(knowledge.restoreDefaults(request.sellerId())));
    }

    private static Map<String, Object> view(KnowledgeService.View view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", view.entries().stream().map(e -> entry(e, false)).toList());
        body.put("suggestions", view.suggestions().stream().map(e -> {
            Map<String, Object> suggestion = entry(e, true);
            suggestion.put("sourceConversationId", view.suggestionSources().get(e.id())); // PA-KB-3
            return suggestion;
        }).toList());
        if (!view.findings().isEmpty()) {
            body.put("findings", view.findings().stream().map(KnowledgeRoutes::finding).toList());
        }
        return body;
    }

    /** PA-SAFE-2: what became of each sent entry; a rejected one carries a stable code and a reason. */
    private static Map<String, Object> finding(KnowledgeService.Finding f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("index", f.index());
        view.put("id", f.id());
        view.put("status", f.status().name().toLowerCase(java.util.Locale.ROOT));
        if (f.code() != null) {
            view.put("code", f.code());
            view.put("reason", f.reason());
        }
        return view;
    }

    private static Map<String, Object> entry(KnowledgeEntry e, boolean suggested) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("scope", e.scope().name());
        view.put("serviceId", e.serviceId());
        view.put("question", e.question());
        view.put("answer", e.answer());
        view.put("source", e.source().name());
        if (suggested) {
            view.put("suggested", true);
        }
        return view;
    }
}
