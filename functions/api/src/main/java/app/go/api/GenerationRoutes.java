package app.go.api;

import app.go.domain.creation.CreationOrder;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.port.ConversationStore;
import app.go.domain.billing.OrderPayment;
import app.go.domain.port.BillingStore;
import app.go.domain.port.CreationStore;
import app.go.domain.port.GenerationStore;
import app.go.domain.port.FileLinks;
import app.go.domain.creation.Delivery;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationService;
import app.go.domain.creation.GenerationStatus;
import app.go.domain.creation.GenerationFeedback;
import app.go.domain.creation.ImageSize;
import app.go.domain.creation.ModelCatalog;
import app.go.domain.creation.Pricing;
import app.go.domain.report.Report;
import app.go.domain.report.ReportService;
import app.go.support.auth.Caller;
import app.go.domain.port.IdempotencyStore;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static app.go.api.ApiResponses.json;

/**
 * The client's side of the Creation Model: generations, orders, downloads, revisions, reviews and
 * refunds; the seller's "Creations" list (CM-GEN-5); and problem reports (CM-GEN-7). Files travel as
 * base64 JSON from routes of this API ({@code previewUrl} is such a route), except the clean final: its
 * download answers a short-lived link ({@link FileLinks}: S3 pre-signed, or signed by the local runtime).
 */
final class GenerationRoutes {
    private final GenerationService generations;
    private final ReportService reports;
    private final IdempotencyStore idempotency;
    private final Supplier<FileLinks> links;
    private final ModelCatalog catalog;
    private final ConversationService conversations;

    GenerationRoutes(GenerationService generations, ReportService reports, IdempotencyStore idempotency,
                     Supplier<FileLinks> links, ModelCatalog catalog, ConversationService conversations) {
        this.catalog = catalog;
        this.conversations = conversations;
        this.generations = generations;
        this.reports = reports;
        this.idempotency = idempotency;
        this.links = links;
    }

    GenerationRoutes(Adapters adapters, CreationStore models, BillingStore billing, ConversationStore conversations,
                     ConversationService conversationService, IdempotencyStore idempotency, Predicate<String> sellerSubscribed) {
        this(adapters, models, billing, adapters.generations(),
                conversations, conversationService, idempotency, sellerSubscribed);
    }

    private GenerationRoutes(Adapters adapters, CreationStore models, BillingStore billing, GenerationStore store,
                             ConversationStore conversations, ConversationService conversationService,
                             IdempotencyStore idempotency, Predicate<String> sellerSubscribed) {
        this(new GenerationService(models, store, LazyAdapters.blobs(adapters),
                        LazyAdapters.queue(adapters, SystemTopology.GENERATIONS.envVar()),
                        new OrderPayment(billing, adapters.paymentGateway()), adapters.clock(), sellerSubscribed,
                        kind -> adapters.assetGenerator().supports(kind)),
                new ReportService(adapters.reports(),
                        models, store, conversations, adapters.clock()),
                idempotency, adapters::fileLinks, new ModelCatalog(models, sellerSubscribed), conversationService);
    }

    void register(Map<String, Route> routes) {
        routes.put("POST /models/{modelId}/generations", new IdempotentRoute(this::generate, idempotency));
        routes.put("GET /generations/{id}", this::generation);
        routes.put("GET /generations/{id}/preview", this::preview);
        routes.put("POST /generations/{id}/purchase", new IdempotentRoute(this::purchase, idempotency));
        routes.put("GET /orders/{id}", this::order);
        routes.put("POST /orders/{id}/approve", this::approve);
        routes.put("GET /orders/{id}/download", this::download);
        routes.put("POST /orders/{id}/revision", new IdempotentRoute(this::revision, idempotency));
        routes.put("POST /orders/{id}/review", this::review);
        routes.put("POST /orders/{id}/refund", this::refund);
        routes.put("GET /sellers/me/creations", this::creations);
        routes.put("POST /reports", this::report);
        routes.put("GET /sellers/{sellerId}/models", this::sellerModels);
        routes.put("POST /generations/{id}/contact-seller", new IdempotentRoute(this::contactSeller, idempotency));
        routes.put("POST /generations/{id}/feedback", this::giveFeedback);
        routes.put("GET /sellers/me/models/{id}/feedback", this::feedback);
    }

    private APIGatewayV2HTTPResponse generate(ApiRequest request) {
        Caller caller = request.caller();
        String modelId = request.pathId("modelId");
        Body body = request.body();
        String prompt = body.text("prompt", GenerationService.MAX_PROMPT_LENGTH);
        int units = body.integer("units", 1, Pricing.MAX_UNITS);
        // the range is ImageSize's rule (INVALID_SIZE); here only that both are whole numbers
        ImageSize size = body.optObject("size").map(s -> new ImageSize(s.integer("width", Integer.MIN_VALUE, Integer.MAX_VALUE),
                s.integer("height", Integer.MIN_VALUE, Integer.MAX_VALUE))).orElse(null);
        Generation generation = generations.request(caller, modelId, prompt, units, size);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("generationId", generation.id());
        view.put("status", generation.status().name());
        view.put("price", MoneyView.of(generation.priceCents(), generation.currency()));
        return json(202, view);
    }

    private APIGatewayV2HTTPResponse generation(ApiRequest request) {
        return json(200, view(generations.generation(request.caller(), request.pathId("id"))));
    }

    private APIGatewayV2HTTPResponse preview(ApiRequest request) {
        return json(200, file(generations.preview(request.caller(), request.pathId("id"))));
    }

    private APIGatewayV2HTTPResponse purchase(ApiRequest request) {
        Caller caller = request.caller();
        String generationId = request.pathId("id");
        CreationOrder order = generations.purchase(caller, generationId, PaymentMethodField.read(request.body()));
        return json(201, view(order));
    }

    private APIGatewayV2HTTPResponse order(ApiRequest request) {
        return json(200, view(generations.order(request.caller(), request.pathId("id"))));
    }

    private APIGatewayV2HTTPResponse approve(ApiRequest request) {
        return json(200, view(generations.approve(request.caller(), request.pathId("id"))));
    }

    /** CM-GEN-1: a short-lived link to the clean final; the file itself never passes through the function. */
    private APIGatewayV2HTTPResponse download(ApiRequest request) {
        GenerationService.FinalFile file = generations.finalFile(request.caller(), request.pathId("id"));
        FileLinks.Link link = links.get().link(file.key(), file.filename(), file.contentType());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("filename", file.filename());
        view.put("contentType", file.contentType());
        view.put("watermarked", false);
        view.put("url", link.url());
        view.put("expiresAt", link.expiresAt().toString());
        return json(200, view);
    }

    private APIGatewayV2HTTPResponse revision(ApiRequest request) {
        Caller caller = request.caller();
        String orderId = request.pathId("id");
        Generation revision = generations.requestRevision(caller, orderId,
                request.body().text("instructions", GenerationService.MAX_PROMPT_LENGTH));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderId", orderId);
        view.put("generationId", revision.id());
        view.put("status", revision.status().name());
        return json(202, view);
    }

    private APIGatewayV2HTTPResponse review(ApiRequest request) {
        Caller caller = request.caller();
        String orderId = request.pathId("id");
        Body body = request.body();
        int rating = body.integer("rating", 1, 5);
        String text = body.optText("text", 5_000).orElse(null);
        return json(200, view(generations.review(caller, orderId, rating, text)));
    }

    private APIGatewayV2HTTPResponse refund(ApiRequest request) {
        generations.refund(request.caller(), request.pathId("id"));
        throw new IllegalStateException("refund must always be refused");
    }

    /** CM-GEN-5: the seller's sales through their models; no client data. */
    private APIGatewayV2HTTPResponse creations(ApiRequest request) {
        String sellerId = request.sellerId();
        return json(200, Map.of("creations", generations.creations(sellerId).stream().map(order -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("orderId", order.id());
            view.put("modelId", order.modelId());
            view.put("price", MoneyView.of(order.priceCents(), order.currency()));
            view.put("status", order.status().name());
            view.put("revised", order.revised());
            view.put("rating", order.rating() > 0 ? order.rating() : null);
            view.put("countsTowardSellerStats", order.countsTowardSellerStats());
            view.put("createdAt", String.valueOf(order.createdAt()));
            return view;
        }).toList()));
    }

    /**
     * CM-GEN-3: instead of downloading, the client writes to the seller about one of their generations;
     * the conversation carries the generation's id, which the seller sees in the inbox and the messages.
     */
    private APIGatewayV2HTTPResponse contactSeller(ApiRequest request) {
        Caller caller = request.caller();
        Generation generation = generations.generation(caller, request.pathId("id"));
        String text = request.body().text("text", ConversationService.MAX_TEXT_LENGTH);
        Conversation conversation = conversations.start(caller, generation.sellerId(), null, text,
                request.header("Idempotency-Key"), generation.id());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("conversationId", conversation.conversationId());
        view.put("generationId", generation.id());
        return json(201, view);
    }

    /** PA-BEH-9: thumbs up or down with an optional comment on a generated asset. */
    private APIGatewayV2HTTPResponse giveFeedback(ApiRequest request) {
        Caller caller = request.caller();
        String generationId = request.pathId("id");
        Body body = request.body();
        GenerationFeedback.Rating rating = body.enumValue("rating", GenerationFeedback.Rating.class);
        String comment = body.optText("comment", GenerationFeedback.MAX_COMMENT_LENGTH).orElse(null);
        return json(201, feedbackView(generations.giveFeedback(caller, generationId, rating, comment)));
    }

    /** PA-BEH-9: the seller sees the feedback on their model's generations, never who gave it. */
    private APIGatewayV2HTTPResponse feedback(ApiRequest request) {
        String sellerId = request.sellerId();
        return json(200, Map.of("feedback", generations.feedback(sellerId, request.pathId("id")).stream()
                .map(GenerationRoutes::feedbackView).toList()));
    }

    private static Map<String, Object> feedbackView(GenerationFeedback feedback) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("generationId", feedback.generationId());
        view.put("modelId", feedback.modelId());
        view.put("rating", feedback.rating().name());
        view.put("comment", feedback.comment());
        view.put("at", feedback.at().toString());
        return view;
    }

    /** CM-MOD-5: a seller's published models where the seller shows them; never instructions or assets (CM-MOD-4). */
    private APIGatewayV2HTTPResponse sellerModels(ApiRequest request) {
        request.caller();
        String sellerId = request.pathId("sellerId");
        Optional<ModelCatalog.Placement> placement = request.query("placement")
                .map(GenerationRoutes::placement);
        return json(200, Map.of("models", catalog.published(sellerId, placement).stream().map(model -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", model.id());
            view.put("sellerId", model.sellerId());
            view.put("name", model.name());
            view.put("subcategory", model.subcategory());
            view.put("price", MoneyView.of(model.pricing().priceFor(1), GenerationService.CURRENCY));
            view.put("visibility", Map.of("onServices", model.onServices(), "onProfile", model.onProfile()));
            return view;
        }).toList()));
    }

    private static ModelCatalog.Placement placement(String value) {
        try {
            return ModelCatalog.Placement.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw app.go.support.errors.DomainException.validation("placement must be SERVICES or PROFILE");
        }
    }

    private APIGatewayV2HTTPResponse report(ApiRequest request) {
        Caller caller = request.caller();
        Body body = request.body();
        Report.TargetType type = body.enumValue("targetType", Report.TargetType.class);
        String targetId = Ids.require(body.text("targetId", 100), "targetId");
        Report report = reports.report(caller, type, targetId, body.text("reason", ReportService.MAX_REASON_LENGTH));
        return json(201, Map.of("reportId", report.id()));
    }

    private static Map<String, Object> view(Generation generation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("generationId", generation.id());
        view.put("modelId", generation.modelId());
        view.put("status", generation.status().name());
        view.put("previewUrl", generation.status() == GenerationStatus.READY ? "/generations/" + generation.id() + "/preview" : null);
        view.put("watermarked", true);
        view.put("price", MoneyView.of(generation.priceCents(), generation.currency()));
        view.put("orderId", generation.orderId());
        view.put("revision", generation.isRevision());
        view.put("failureReason", generation.failureReason());
        if (generation.size() != null) { // CM-GEN-8: the size the client asked for; left out when none was
            view.put("size", generation.size());
        }
        view.put("createdAt", String.valueOf(generation.createdAt()));
        return view;
    }

    private static Map<String, Object> view(CreationOrder order) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderId", order.id());
        view.put("generationId", order.generationId());
        view.put("deliveryGenerationId", order.deliveryGenerationId());
        view.put("status", order.status().name());
        view.put("price", MoneyView.of(order.priceCents(), order.currency()));
        view.put("paid", order.paid());
        view.put("approvedAt", order.approvedAt() == null ? null : order.approvedAt().toString());
        view.put("downloadedAt", order.downloadedAt() == null ? null : order.downloadedAt().toString());
        view.put("revisionUsed", order.revised());
        view.put("revisionAvailableUntil", order.downloadedAt() == null || order.revised() ? null
                : order.downloadedAt().plus(CreationOrder.REVISION_WINDOW).toString());
        view.put("rating", order.rating() > 0 ? order.rating() : null);
        view.put("countsTowardSellerStats", order.countsTowardSellerStats());
        view.put("createdAt", String.valueOf(order.createdAt()));
        return view;
    }

    private static Map<String, Object> file(Delivery delivery) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("filename", delivery.filename());
        view.put("contentType", delivery.contentType());
        view.put("watermarked", delivery.watermarked());
        view.put("contentBase64", Base64.getEncoder().encodeToString(delivery.content()));
        return view;
    }
}
