package app.go.api;

import app.go.domain.port.BillingStore;
import app.go.domain.creation.Asset;
import app.go.domain.creation.AssetSource;
import app.go.domain.creation.AssetTags;
import app.go.domain.creation.CreationPlan;
import app.go.domain.creation.CreationService;
import app.go.domain.port.CreationStore;
import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.ModelManagement;
import app.go.domain.creation.Pricing;
import app.go.domain.creation.Subcategories;
import app.go.domain.port.SellerStore;
import app.go.support.errors.DomainException;
import app.go.domain.port.IdempotencyStore;
import app.go.support.json.Json;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import app.go.adapter.media.JdkMediaInspector;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.go.api.ApiResponses.json;

/**
 * Creation Model routes of a seller: assets, models, training, and managing trained models
 * (activation, visibility, pricing, instructions, publishing, playground, asset tags).
 */
final class CreationRoutes {
    /** Base64 of 5 MB plus slack for line breaks. */
    private static final int MAX_BASE64_CHARS = 7_200_000;

    private final CreationService creations;
    private final ModelManagement management;
    private final IdempotencyStore idempotency;

    CreationRoutes(CreationService creations, ModelManagement management, IdempotencyStore idempotency) {
        this.creations = creations;
        this.management = management;
        this.idempotency = idempotency;
    }

    CreationRoutes(Adapters adapters, SellerStore sellers, IdempotencyStore idempotency, CreationStore store,
                   BillingStore billing) {
        this(adapters, sellers, idempotency, store, CreationPlan.Lookup.of(billing));
    }

    private CreationRoutes(Adapters adapters, SellerStore sellers, IdempotencyStore idempotency, CreationStore store,
                           CreationPlan.Lookup subscriptions) {
        this(new CreationService(store, sellers, LazyAdapters.blobs(adapters),
                        LazyAdapters.workflow(adapters, SystemTopology.TRAINING_STATE_MACHINE_ENV), Subcategories.standard(),
                        new JdkMediaInspector(), LazyAdapters.textDetector(adapters), subscriptions, adapters.clock()),
                new ModelManagement(store, sellers, LazyAdapters.blobs(adapters), LazyAdapters.generator(adapters), Subcategories.standard(),
                        subscriptions, adapters.clock()),
                idempotency);
    }

    void register(Map<String, Route> routes) {
        routes.put("POST /sellers/me/assets", this::uploadAsset);
        routes.put("POST /sellers/me/models", this::createModel);
        routes.put("GET /sellers/me/models", this::listModels);
        routes.put("GET /sellers/me/models/{id}", this::getModel);
        routes.put("PUT /sellers/me/models/{id}/assets", this::setAssets);
        routes.put("POST /sellers/me/models/{id}/train", new IdempotentRoute(this::train, idempotency));
        routes.put("POST /sellers/me/models/{id}/activate", this::activate);
        routes.put("POST /sellers/me/models/{id}/deactivate", this::deactivate);
        routes.put("PUT /sellers/me/models/{id}/visibility", this::setVisibility);
        routes.put("PUT /sellers/me/models/{id}/pricing", this::setPricing);
        routes.put("PUT /sellers/me/models/{id}/instructions", this::setInstructions);
        routes.put("POST /sellers/me/models/{id}/publish", this::publish);
        routes.put("POST /sellers/me/models/{id}/playground", this::playground);
        routes.put("PUT /sellers/me/assets/{assetId}/tags", this::setTags);
    }

    private APIGatewayV2HTTPResponse uploadAsset(ApiRequest request) {
        String sellerId = request.sellerId();
        Body body = request.body();
        var upload = new CreationService.Upload(body.enumValue("kind", MediaKind.class),
                body.text("contentBase64", MAX_BASE64_CHARS), body.text("filename", 200),
                body.optText("source", 20).isPresent() ? body.enumValue("source", AssetSource.class) : AssetSource.UPLOAD,
                body.texts("tags", 30, 60), body.bool("ownWorkConfirmed", false));
        var asset = creations.uploadAsset(sellerId, upload);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("assetId", asset.id());
        view.put("kind", asset.kind().name());
        view.put("sizeBytes", asset.sizeBytes());
        return json(201, view);
    }

    private APIGatewayV2HTTPResponse createModel(ApiRequest request) {
        String sellerId = request.sellerId();
        Model model = creations.createModel(sellerId, request.body().text("subcategory", 64));
        return json(201, view(model));
    }

    private APIGatewayV2HTTPResponse listModels(ApiRequest request) {
        String sellerId = request.sellerId();
        Set<String> active = management.activeModelIds(sellerId);
        return json(200, Map.of("models", creations.models(sellerId).stream().map(m -> view(m, active)).toList()));
    }

    private APIGatewayV2HTTPResponse getModel(ApiRequest request) {
        String sellerId = request.sellerId();
        return json(200, view(creations.model(sellerId, request.pathId("id"))));
    }

    private APIGatewayV2HTTPResponse activate(ApiRequest request) {
        String sellerId = request.sellerId();
        return json(200, view(management.activate(sellerId, request.pathId("id"))));
    }

    private APIGatewayV2HTTPResponse deactivate(ApiRequest request) {
        String sellerId = request.sellerId();
        return json(200, view(management.deactivate(sellerId, request.pathId("id"))));
    }

    private APIGatewayV2HTTPResponse setVisibility(ApiRequest request) {
        String sellerId = request.sellerId();
        String modelId = request.pathId("id");
        Body body = request.body();
        return json(200, view(management.setVisibility(sellerId, modelId, requiredBool(body, "onServices"),
                requiredBool(body, "onProfile"))));
    }

    private APIGatewayV2HTTPResponse setPricing(ApiRequest request) {
        String sellerId = request.sellerId();
        String modelId = request.pathId("id");
        Body body = request.body();
        Pricing pricing = switch (body.enumValue("type", Pricing.Type.class)) {
            case PER_UNIT -> Pricing.perUnit(body.longValue("unitPriceCents", 1, Pricing.MAX_CENTS));
            case BASE_PLUS_INCREMENT -> Pricing.basePlusIncrement(body.longValue("basePriceCents", 1, Pricing.MAX_CENTS),
                    body.integer("baseUnits", 1, Pricing.MAX_UNITS), body.longValue("incrementPriceCents", 0, Pricing.MAX_CENTS),
                    body.integer("incrementUnits", 1, Pricing.MAX_UNITS), pricingUnit(body));
        };
        return json(200, view(management.setPricing(sellerId, modelId, pricing)));
    }

    private static Pricing.Unit pricingUnit(Body body) {
        Pricing.Unit unit = body.enumValue("unit", Pricing.Unit.class);
        if (unit == Pricing.Unit.DELIVERABLES) {
            throw DomainException.validation("unit must be WORDS or SECONDS");
        }
        return unit;
    }

    private APIGatewayV2HTTPResponse setInstructions(ApiRequest request) {
        String sellerId = request.sellerId();
        String modelId = request.pathId("id");
        String text = request.body().text("text", ModelManagement.MAX_INSTRUCTIONS_CHARS);
        return json(200, view(management.setInstructions(sellerId, modelId, text)));
    }

    private APIGatewayV2HTTPResponse publish(ApiRequest request) {
        String sellerId = request.sellerId();
        return json(200, view(management.publish(sellerId, request.pathId("id"))));
    }

    private APIGatewayV2HTTPResponse playground(ApiRequest request) {
        String sellerId = request.sellerId();
        String modelId = request.pathId("id");
        Body body = request.body();
        String prompt = body.text("prompt", ModelManagement.MAX_PROMPT_CHARS);
        Integer units = body.raw().hasNonNull("units") ? body.integer("units", 1, Pricing.MAX_UNITS) : null;
        GeneratedAsset preview = management.playground(sellerId, modelId, prompt, units);
        ObjectNode view = Json.object();
        ObjectNode p = view.putObject("preview");
        p.put("kind", preview.kind().name());
        p.put("contentType", preview.contentType());
        p.put("contentBase64", Base64.getEncoder().encodeToString(preview.content()));
        p.put("watermarked", preview.watermarked());
        return json(200, view);
    }

    private APIGatewayV2HTTPResponse setTags(ApiRequest request) {
        String sellerId = request.sellerId();
        String assetId = request.pathId("assetId");
        Body body = request.body();
        if (!body.raw().has("tags")) {
            throw DomainException.validation("tags is required (an empty list removes every tag)");
        }
        Asset asset = management.setAssetTags(sellerId, assetId,
                body.texts("tags", AssetTags.MAX_TAGS, AssetTags.MAX_TAG_CHARS));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("assetId", asset.id());
        view.put("kind", asset.kind().name());
        view.put("tags", asset.tags());
        return json(200, view);
    }

    private static boolean requiredBool(Body body, String field) {
        if (!body.raw().hasNonNull(field)) {
            throw DomainException.validation(field + " is required (true or false)");
        }
        return body.bool(field, false);
    }

    private APIGatewayV2HTTPResponse setAssets(ApiRequest request) {
        String sellerId = request.sellerId();
        String modelId = request.pathId("id");
        Body body = request.body();
        boolean all = body.bool("all", false);
        List<String> ids = body.texts("assetIds", CreationService.MAX_ASSETS_PER_MODEL, 100);
        if (all && !ids.isEmpty()) {
            throw DomainException.validation("give either assetIds or all: true, not both");
        }
        if (!all && body.raw().get("assetIds") == null) {
            throw DomainException.validation("assetIds is required unless all is true");
        }
        ids.forEach(id -> Ids.require(id, "assetIds[]"));
        Model model = all ? creations.setAllAssets(sellerId, modelId) : creations.setAssets(sellerId, modelId, ids);
        // CM-AST-2/3/6: every error and warning at once, before a training is spent
        var checks = creations.checkAssets(sellerId, modelId);
        ObjectNode view = view(model);
        view.set("assetErrors", Json.MAPPER.valueToTree(checks.errors()));
        return json(200, view);
    }

    private APIGatewayV2HTTPResponse train(ApiRequest request) {
        String sellerId = request.sellerId();
        return json(202, view(creations.startTraining(sellerId, request.pathId("id"))));
    }

    private ObjectNode view(Model model) {
        return view(model, management.activeModelIds(model.sellerId()));
    }

    /** The api.md model view; name and pricing are explicit nulls until set. */
    private ObjectNode view(Model model, Set<String> activeIds) {
        ObjectNode view = Json.object();
        view.put("id", model.id());
        view.put("name", model.name());
        view.put("subcategory", model.subcategory());
        view.put("status", model.status().name());
        view.put("active", activeIds.contains(model.id()));
        view.set("warnings", Json.MAPPER.valueToTree(model.warnings()));
        view.put("trainingsLeft", creations.trainingsLeft(model));
        view.put("retrainingRequired", model.retrainingRequired());
        if (model.pricing() == null) {
            view.putNull("pricing");
        } else {
            view.set("pricing", pricingView(model.pricing()));
        }
        ObjectNode visibility = view.putObject("visibility");
        visibility.put("onServices", model.onServices());
        visibility.put("onProfile", model.onProfile());
        view.put("published", model.published());
        if (model.instructions() != null) {
            view.put("instructions", model.instructions());
        }
        view.set("assetIds", Json.MAPPER.valueToTree(model.assetIds()));
        if (model.failureReason() != null) {
            view.put("failureReason", model.failureReason());
        }
        view.put("createdAt", String.valueOf(model.createdAt()));
        view.put("updatedAt", String.valueOf(model.updatedAt()));
        return view;
    }

    private static ObjectNode pricingView(Pricing pricing) {
        ObjectNode view = Json.object();
        view.put("type", pricing.type().name());
        if (pricing.type() == Pricing.Type.PER_UNIT) {
            view.put("unitPriceCents", pricing.unitPriceCents());
        } else {
            view.put("basePriceCents", pricing.basePriceCents());
            view.put("baseUnits", pricing.baseUnits());
            view.put("incrementPriceCents", pricing.incrementPriceCents());
            view.put("incrementUnits", pricing.incrementUnits());
            view.put("unit", pricing.unit().name());
        }
        view.put("currency", BillingRoutes.CURRENCY);
        return view;
    }
}
