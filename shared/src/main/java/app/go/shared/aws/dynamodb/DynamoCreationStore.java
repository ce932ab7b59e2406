package app.go.shared.aws.dynamodb;

import app.go.domain.creation.Asset;
import app.go.domain.creation.AssetSource;
import app.go.domain.creation.CreationStore;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.ModelStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.go.shared.aws.dynamodb.Items.item;
import static app.go.shared.aws.dynamodb.Items.key;
import static app.go.shared.aws.dynamodb.Items.s;

/**
 * The creations table: one partition per seller ({@code SELLER#<id>}); {@code MODEL#<id>} and
 * {@code ASSET#<id>} items. Models carry {@code publicId} (their id) for the {@code byPublicId}
 * index; assets are private and stay out of it. Asset bytes are in the blob store, not here.
 */
public final class DynamoCreationStore implements CreationStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCreationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String pk(String sellerId) {
        return "SELLER#" + sellerId;
    }

    @Override
    public void saveAsset(Asset asset) {
        Map<String, AttributeValue> it = item(pk(asset.sellerId()), "ASSET#" + asset.id())
                .with("id", asset.id()).with("kind", asset.kind().name()).with("filename", asset.filename())
                .with("source", asset.source().name()).with("tags", asset.tags()).with("sizeBytes", asset.sizeBytes())
                .with("blobKey", asset.blobKey()).with("createdAt", asset.createdAt()).build();
        dynamo.putItem(b -> b.tableName(table).item(it));
    }

    @Override
    public Optional<Asset> asset(String sellerId, String assetId) {
        return get(sellerId, "ASSET#" + assetId).map(i -> asset(sellerId, i));
    }

    @Override
    public List<Asset> assets(String sellerId) {
        return query(sellerId, "ASSET#").stream().map(i -> asset(sellerId, i)).toList();
    }

    @Override
    public boolean createModel(Model model) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(modelItem(model)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Model> model(String sellerId, String modelId) {
        return get(sellerId, "MODEL#" + modelId).map(i -> model(sellerId, i));
    }

    @Override
    public List<Model> models(String sellerId) {
        return query(sellerId, "MODEL#").stream().map(i -> model(sellerId, i)).toList();
    }

    @Override
    public boolean replaceModel(Model updated, Model expected) {
        Map<String, String> names = Map.of("#st", "status", "#tr", "trainingId");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":st", s(expected.status().name()));
        String condition = "attribute_exists(pk) AND #st = :st AND ";
        if (expected.trainingId() == null) {
            condition += "attribute_not_exists(#tr)";
        } else {
            condition += "#tr = :tr";
            values.put(":tr", s(expected.trainingId()));
        }
        String finalCondition = condition;
        try {
            dynamo.putItem(b -> b.tableName(table).item(modelItem(updated)).conditionExpression(finalCondition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> modelItem(Model m) {
        return item(pk(m.sellerId()), "MODEL#" + m.id()).with("publicId", m.id()).with("id", m.id())
                .with("subcategory", m.subcategory()).with("name", m.name()).with("status", m.status().name())
                .with("assetIds", m.assetIds()).with("warnings", m.warnings()).with("trainingsUsed", m.trainingsUsed())
                .with("failureReason", m.failureReason()).with("trainingId", m.trainingId())
                .with("createdAt", m.createdAt()).with("updatedAt", m.updatedAt()).build();
    }

    private static Model model(String sellerId, Map<String, AttributeValue> i) {
        return new Model(Items.str(i, "id"), sellerId, Items.str(i, "subcategory"), Items.str(i, "name"),
                ModelStatus.valueOf(Items.str(i, "status")), Items.strings(i, "assetIds"), Items.strings(i, "warnings"),
                (int) Items.num(i, "trainingsUsed", 0), Items.str(i, "failureReason"), Items.str(i, "trainingId"),
                Items.instant(i, "createdAt"), Items.instant(i, "updatedAt"));
    }

    private static Asset asset(String sellerId, Map<String, AttributeValue> i) {
        return new Asset(Items.str(i, "id"), sellerId, MediaKind.valueOf(Items.str(i, "kind")), Items.str(i, "filename"),
                AssetSource.valueOf(Items.str(i, "source")), Items.strings(i, "tags"), Items.num(i, "sizeBytes", 0),
                Items.str(i, "blobKey"), Items.instant(i, "createdAt"));
    }

    private Optional<Map<String, AttributeValue>> get(String sellerId, String sk) {
        Map<String, AttributeValue> found = dynamo.getItem(b -> b.tableName(table).key(key(pk(sellerId), sk))
                .consistentRead(true)).item();
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private List<Map<String, AttributeValue>> query(String sellerId, String prefix) {
        return dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(pk(sellerId)), ":prefix", s(prefix))))
                .items().stream().toList();
    }
}
