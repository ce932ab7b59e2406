package app.go.api;

import app.go.domain.creation.AssetSource;
import app.go.domain.creation.CreationService;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.Subcategories;
import app.go.domain.seller.SellerStore;
import app.go.shared.auth.Caller;
import app.go.shared.aws.dynamodb.DynamoCreationStore;
import app.go.shared.aws.sfn.SfnWorkflowStarter;
import app.go.shared.blob.BlobStore;
import app.go.shared.errors.DomainException;
import app.go.shared.idempotency.IdempotencyStore;
import app.go.shared.json.Json;
import app.go.shared.topology.SystemTopology;
import app.go.shared.wiring.Adapters;
import app.go.shared.workflow.WorkflowStarter;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.go.api.ApiResponses.json;

/** Creation Model routes of a seller: assets, models and training ({@code /sellers/me/assets|models}). */
final class CreationRoutes {
    /** Base64 of 5 MB plus slack for line breaks. */
    private static final int MAX_BASE64_CHARS = 7_200_000;

    private final CreationService creations;
    private final IdempotencyStore idempotency;

    CreationRoutes(CreationService creations, IdempotencyStore idempotency) {
        this.creations = creations;
        this.idempotency = idempotency;
    }

    CreationRoutes(Adapters adapters, SellerStore sellers, IdempotencyStore idempotency) {
        this(new CreationService(
                new DynamoCreationStore(adapters.dynamoDb(), adapters.env().require(SystemTopology.CREATIONS.envVar())),
                sellers, lazyBlobs(adapters), lazyTraining(adapters), Subcategories.standard(), adapters.clock()),
                idempotency);
    }

    void register(Map<String, Route> routes) {
        routes.put("POST /sellers/me/assets", this::uploadAsset);
        routes.put("POST /sellers/me/models", this::createModel);
        routes.put("GET /sellers/me/models", this::listModels);
        routes.put("GET /sellers/me/models/{id}", this::getModel);
        routes.put("PUT /sellers/me/models/{id}/assets", this::setAssets);
        routes.put("POST /sellers/me/models/{id}/train", new IdempotentRoute(this::train, idempotency));
    }

    private static String seller(ApiRequest request) {
        return request.caller().requireRole(Caller.Role.SELLER).userId();
    }

    private APIGatewayV2HTTPResponse uploadAsset(ApiRequest request) {
        String sellerId = seller(request);
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
        String sellerId = seller(request);
        Model model = creations.createModel(sellerId, request.body().text("subcategory", 64));
        return json(201, view(model));
    }

    private APIGatewayV2HTTPResponse listModels(ApiRequest request) {
        return json(200, Map.of("models", creations.models(seller(request)).stream().map(this::view).toList()));
    }

    private APIGatewayV2HTTPResponse getModel(ApiRequest request) {
        String sellerId = seller(request);
        return json(200, view(creations.model(sellerId, Ids.require(request.path("id"), "id"))));
    }

    private APIGatewayV2HTTPResponse setAssets(ApiRequest request) {
        String sellerId = seller(request);
        String modelId = Ids.require(request.path("id"), "id");
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
        return json(200, view(model));
    }

    private APIGatewayV2HTTPResponse train(ApiRequest request) {
        String sellerId = seller(request);
        return json(202, view(creations.startTraining(sellerId, Ids.require(request.path("id"), "id"))));
    }

    /** The api.md model view; name and pricing are explicit nulls until set. */
    private ObjectNode view(Model model) {
        ObjectNode view = Json.object();
        view.put("id", model.id());
        view.put("name", model.name());
        view.put("subcategory", model.subcategory());
        view.put("status", model.status().name());
        view.put("active", false);
        view.set("warnings", Json.MAPPER.valueToTree(model.warnings()));
        view.put("trainingsLeft", creations.trainingsLeft(model));
        view.putNull("pricing");
        ObjectNode visibility = view.putObject("visibility");
        visibility.put("onServices", false);
        visibility.put("onProfile", false);
        view.set("assetIds", Json.MAPPER.valueToTree(model.assetIds()));
        if (model.failureReason() != null) {
            view.put("failureReason", model.failureReason());
        }
        view.put("createdAt", String.valueOf(model.createdAt()));
        view.put("updatedAt", String.valueOf(model.updatedAt()));
        return view;
    }

    /** The blob store is built on first use, so routes that never touch blobs need no bucket. */
    private static BlobStore lazyBlobs(Adapters adapters) {
        return new BlobStore() {
            @Override
            public void put(String key, byte[] content, String contentType) {
                adapters.blobStore().put(key, content, contentType);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return adapters.blobStore().get(key);
            }

            @Override
            public void delete(String key) {
                adapters.blobStore().delete(key);
            }
        };
    }

    /** The training state machine's ARN is read when a training starts. */
    private static WorkflowStarter lazyTraining(Adapters adapters) {
        return (name, input) -> new SfnWorkflowStarter(adapters.sfn(),
                adapters.env().require(SystemTopology.TRAINING_STATE_MACHINE_ENV)).start(name, input);
    }
}
