package app.go.adapter.aws.dynamodb;

import app.go.domain.creation.Asset;
import app.go.domain.creation.AssetSource;
import app.go.domain.port.CreationStore;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.ModelStatus;
import app.go.domain.creation.Pricing;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static app.go.adapter.aws.dynamodb.Items.item;
import static app.go.adapter.aws.dynamodb.Items.sellerKey;
import static app.go.adapter.aws.dynamodb.Items.key;
import static app.go.adapter.aws.dynamodb.Items.s;

/**
 * The creations table: one partition per seller ({@code SELLER#<id>}); {@code MODEL#<id>} and
 * {@code ASSET#<id>} items. Models carry {@code publicId} (their id) for the {@code byPublicId}
 * index; assets are private and stay out of it. Asset bytes are in the blob store, not here. One
 * {@code ACTIVE_MODELS} item per seller holds the ids of the active models. A model TRAINING
 * carries {@code trainingBucket} for the sparse {@code byOpenTraining} index the training sweep
 * reads (by {@code trainingStartedAt}); every other status removes it.
 */
public final class DynamoCreationStore implements CreationStore {
    /** The item holding the seller's active model ids (CM-MOD-1). */
    private static final String ACTIVE_MODELS = "ACTIVE_MODELS";
    public static final String OPEN_TRAINING_INDEX = "byOpenTraining";
    private static final String TRAINING_BUCKET = "TRAINING";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoTable items;

    public DynamoCreationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = new DynamoTable(dynamo, table);
    }


    @Override
    public void saveAsset(Asset asset) {
        Map<String, AttributeValue> it = item(sellerKey(asset.sellerId()), "ASSET#" + asset.id())
                .with("id", asset.id()).with("kind", asset.kind().name()).with("filename", asset.filename())
                .with("source", asset.source().name()).with("tags", asset.tags()).with("sizeBytes", asset.sizeBytes())
                .with("blobKey", asset.blobKey()).with("createdAt", asset.createdAt()).build();
        items.put(it);
    }

    @Override
    public Optional<Asset> asset(String sellerId, String assetId) {
        return get(sellerId, "ASSET#" + assetId).map(i -> asset(sellerId, i));
    }

    @Override
    public List<Asset> assets(String sellerId) {
        return items.queryPrefix(sellerKey(sellerId), "ASSET#").map(i -> asset(sellerId, i)).toList();
    }

    @Override
    public boolean createModel(Model model) {
        return items.putNew(modelItem(model));
    }

    @Override
    public Optional<Model> model(String sellerId, String modelId) {
        return get(sellerId, "MODEL#" + modelId).map(i -> model(sellerId, i));
    }

    @Override
    public List<Model> models(String sellerId) {
        return items.queryPrefix(sellerKey(sellerId), "MODEL#").map(i -> model(sellerId, i)).toList();
    }

    @Override
    public List<Model> trainingsStartedBefore(Instant startedBefore) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(OPEN_TRAINING_INDEX)
                        .keyConditionExpression("trainingBucket = :b AND trainingStartedAt <= :before")
                        .expressionAttributeValues(Map.of(":b", s(TRAINING_BUCKET), ":before", s(startedBefore.toString()))))
                .items().stream()
                .map(i -> model(Items.str(i, "pk").substring(sellerKey("").length()), i))
                .filter(m -> m.status() == ModelStatus.TRAINING).toList();
    }

    @Override
    public boolean replaceModel(Model updated, Model expected) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#st", "status");
        names.put("#tr", "trainingId");
        values.put(":st", s(expected.status().name()));
        String condition = "attribute_exists(pk) AND #st = :st AND ";
        if (expected.trainingId() == null) {
            condition += "attribute_not_exists(#tr)";
        } else {
            condition += "#tr = :tr";
            values.put(":tr", s(expected.trainingId()));
        }
        // only the training state: the seller's settings are written by updateModelSettings alone
        String update = update(trainingState(updated), names, values);
        String finalCondition = condition;
        return DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(updated.sellerId()), "MODEL#" + updated.id()))
                .updateExpression(update).conditionExpression(finalCondition)
                .expressionAttributeNames(names).expressionAttributeValues(values)));
    }

    @Override
    public boolean updateModelSettings(Model model) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, AttributeValue> settings = new LinkedHashMap<>();
        settings.put("instructions", model.instructions() == null ? null : s(model.instructions()));
        settings.put("pricing", model.pricing() == null ? null : pricing(model.pricing()));
        settings.put("onServices", Items.bool(model.onServices()));
        settings.put("onProfile", Items.bool(model.onProfile()));
        settings.put("published", Items.bool(model.published()));
        if (model.updatedAt() != null) {
            settings.put("updatedAt", s(model.updatedAt().toString()));
        }
        String update = update(settings, names, values);
        return DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(model.sellerId()), "MODEL#" + model.id()))
                .updateExpression(update).conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(names).expressionAttributeValues(values)));
    }

    @Override
    public Set<String> activeModelIds(String sellerId) {
        return get(sellerId, ACTIVE_MODELS)
                .map(i -> i.get("modelIds") == null ? Set.<String>of() : Set.copyOf(i.get("modelIds").ss()))
                .orElse(Set.of());
    }

    /**
     * CM-MOD-1: the seller's active ids are one string set on one item; adding to it is conditional
     * on its size, so DynamoDB serialises concurrent activations.
     */
    @Override
    public boolean activateModel(String sellerId, String modelId, int limit) {
        return DynamoTable.conditionally(() -> dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(sellerId), ACTIVE_MODELS))
                .updateExpression("ADD modelIds :ids")
                .conditionExpression("attribute_not_exists(modelIds) OR size(modelIds) < :limit OR contains(modelIds, :id)")
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromSs(List.of(modelId)),
                        ":limit", Items.n(limit), ":id", s(modelId)))));
    }

    @Override
    public void deactivateModel(String sellerId, String modelId) {
        dynamo.updateItem(b -> b.tableName(table).key(key(sellerKey(sellerId), ACTIVE_MODELS))
                .updateExpression("DELETE modelIds :ids")
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromSs(List.of(modelId)))));
    }

    /** "SET a = :a, ... REMOVE b" for the given attributes; a null value removes the attribute. */
    private static String update(Map<String, AttributeValue> attributes, Map<String, String> names,
                                 Map<String, AttributeValue> values) {
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
            String name = "#a" + i;
            names.put(name, e.getKey());
            if (e.getValue() == null) {
                removes.add(name);
            } else {
                values.put(":a" + i, e.getValue());
                sets.add(name + " = :a" + i);
            }
            i++;
        }
        return (sets.isEmpty() ? "" : "SET " + String.join(", ", sets)) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    }

    /** The attributes replaceModel owns. */
    private static Map<String, AttributeValue> trainingState(Model m) {
        Map<String, AttributeValue> full = modelItem(m);
        Map<String, AttributeValue> state = new LinkedHashMap<>();
        for (String name : TRAINING_STATE) {
            state.put(name, full.get(name));
        }
        return state;
    }

    private static final List<String> TRAINING_STATE = List.of("publicId", "id", "subcategory", "name", "status",
            "assetIds", "warnings", "trainingsUsed", "failureReason", "trainingId", "createdAt", "updatedAt",
            "retrainingRequired", "trainingStartedAt", "trainingStarts", "trainingBucket");

    private static AttributeValue pricing(Pricing p) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("type", s(p.type().name()));
        m.put("unitPriceCents", Items.n(p.unitPriceCents()));
        m.put("basePriceCents", Items.n(p.basePriceCents()));
        m.put("baseUnits", Items.n(p.baseUnits()));
        m.put("incrementPriceCents", Items.n(p.incrementPriceCents()));
        m.put("incrementUnits", Items.n(p.incrementUnits()));
        m.put("unit", s(p.unit().name()));
        return AttributeValue.fromM(m);
    }

    private static Pricing pricing(Map<String, AttributeValue> item) {
        AttributeValue value = item.get("pricing");
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, AttributeValue> m = value.m();
        return new Pricing(Pricing.Type.valueOf(Items.str(m, "type")), Items.num(m, "unitPriceCents", 0),
                Items.num(m, "basePriceCents", 0), (int) Items.num(m, "baseUnits", 0), Items.num(m, "incrementPriceCents", 0),
                (int) Items.num(m, "incrementUnits", 0), Pricing.Unit.valueOf(Items.str(m, "unit")));
    }

    private static Map<String, AttributeValue> modelItem(Model m) {
        Map<String, AttributeValue> item = item(sellerKey(m.sellerId()), "MODEL#" + m.id()).with("publicId", m.id()).with("id", m.id())
                .with("subcategory", m.subcategory()).with("name", m.name()).with("status", m.status().name())
                .with("assetIds", m.assetIds()).with("warnings", m.warnings()).with("trainingsUsed", m.trainingsUsed())
                .with("failureReason", m.failureReason()).with("trainingId", m.trainingId())
                .with("createdAt", m.createdAt()).with("updatedAt", m.updatedAt())
                .with("retrainingRequired", m.retrainingRequired()).with("trainingStartedAt", m.trainingStartedAt())
                .with("trainingStarts", m.trainingStarts().stream().map(Instant::toString).toList())
                .with("instructions", m.instructions()).with("onServices", m.onServices())
                .with("onProfile", m.onProfile()).with("published", m.published())
                .with("trainingBucket", m.status() == ModelStatus.TRAINING && m.trainingStartedAt() != null ? TRAINING_BUCKET : null)
                .build();
        if (m.pricing() != null) {
            item.put("pricing", pricing(m.pricing()));
        }
        return item;
    }

    private static Model model(String sellerId, Map<String, AttributeValue> i) {
        return new Model(Items.str(i, "id"), sellerId, Items.str(i, "subcategory"), Items.str(i, "name"),
                ModelStatus.valueOf(Items.str(i, "status")), Items.strings(i, "assetIds"), Items.strings(i, "warnings"),
                (int) Items.num(i, "trainingsUsed", 0), Items.str(i, "failureReason"), Items.str(i, "trainingId"),
                Items.instant(i, "createdAt"), Items.instant(i, "updatedAt"), Items.str(i, "instructions"), pricing(i),
                Items.bool(i, "onServices", false), Items.bool(i, "onProfile", false), Items.bool(i, "published", false),
                Items.bool(i, "retrainingRequired", false), Items.instant(i, "trainingStartedAt"),
                Items.strings(i, "trainingStarts").stream().map(Instant::parse).toList());
    }

    private static Asset asset(String sellerId, Map<String, AttributeValue> i) {
        return new Asset(Items.str(i, "id"), sellerId, MediaKind.valueOf(Items.str(i, "kind")), Items.str(i, "filename"),
                AssetSource.valueOf(Items.str(i, "source")), Items.strings(i, "tags"), Items.num(i, "sizeBytes", 0),
                Items.str(i, "blobKey"), Items.instant(i, "createdAt"));
    }

    private Optional<Map<String, AttributeValue>> get(String sellerId, String sk) {
        return items.get(sellerKey(sellerId), sk);
    }
}
