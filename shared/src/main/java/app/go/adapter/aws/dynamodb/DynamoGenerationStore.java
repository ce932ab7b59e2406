package app.go.adapter.aws.dynamodb;

import app.go.domain.creation.CreationOrder;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationFeedback;
import app.go.domain.creation.GenerationStatus;
import app.go.domain.creation.ImageSize;
import app.go.domain.port.GenerationStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.go.adapter.aws.dynamodb.Items.item;
import static app.go.adapter.aws.dynamodb.Items.n;
import static app.go.adapter.aws.dynamodb.Items.s;

/**
 * Generations ({@code GENERATION#<id>}) and orders ({@code ORDER#<id>}) in the creations table,
 * under the seller's partition ({@code SELLER#<id>}), with {@code publicId} so a client finds them
 * by id through the {@code byPublicId} index. The index is eventually consistent: it only says
 * where the item is, and the item is then read with a consistent read. No bytes here: previews and
 * finals are in the blob store.
 */
public final class DynamoGenerationStore implements GenerationStore {
    private static final String INDEX = "byPublicId";
    private static final String GENERATION = "GENERATION#";
    private static final String ORDER = "ORDER#";
    private static final String FEEDBACK = "GENFEEDBACK#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoTable items;

    public DynamoGenerationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = new DynamoTable(dynamo, table);
    }

    @Override
    public Optional<String> sellerOfModel(String modelId) {
        return locate(modelId, "MODEL#").map(pk -> pk.substring(Items.sellerKey("").length()));
    }

    @Override
    public boolean createGeneration(Generation generation) {
        return items.putNew(generationItem(generation));
    }

    @Override
    public Optional<Generation> generation(String sellerId, String generationId) {
        return items.get(Items.sellerKey(sellerId), GENERATION + generationId).map(DynamoGenerationStore::generation);
    }

    @Override
    public Optional<Generation> findGeneration(String generationId) {
        return locate(generationId, GENERATION).flatMap(pk -> items.get(pk, GENERATION + generationId))
                .map(DynamoGenerationStore::generation);
    }

    @Override
    public boolean replaceGeneration(Generation updated, GenerationStatus expected) {
        return items.putIf(generationItem(updated), b -> b.conditionExpression("attribute_exists(pk) AND #st = :st")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":st", s(expected.name()))));
    }

    @Override
    public boolean createOrder(CreationOrder order) {
        return items.putNew(orderItem(order));
    }

    @Override
    public Optional<CreationOrder> order(String sellerId, String orderId) {
        return items.get(Items.sellerKey(sellerId), ORDER + orderId).map(DynamoGenerationStore::order);
    }

    @Override
    public Optional<CreationOrder> findOrder(String orderId) {
        return locate(orderId, ORDER).flatMap(pk -> items.get(pk, ORDER + orderId)).map(DynamoGenerationStore::order);
    }

    @Override
    public boolean replaceOrder(CreationOrder updated, long expectedVersion) {
        return items.putIf(orderItem(updated), b -> b.conditionExpression("attribute_exists(pk) AND #v = :v")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":v", n(expectedVersion))));
    }

    @Override
    public List<CreationOrder> orders(String sellerId) {
        return items.queryPrefix(Items.sellerKey(sellerId), ORDER).map(DynamoGenerationStore::order).toList();
    }

    @Override
    public void saveFeedback(GenerationFeedback f) {
        items.put(item(Items.sellerKey(f.sellerId()), FEEDBACK + f.generationId()).with("generationId", f.generationId())
                .with("sellerId", f.sellerId()).with("modelId", f.modelId()).with("rating", f.rating().name())
                .with("comment", f.comment()).with("at", f.at()).build());
    }

    @Override
    public List<GenerationFeedback> feedback(String sellerId) {
        return items.queryPrefix(Items.sellerKey(sellerId), FEEDBACK)
                .map(i -> new GenerationFeedback(Items.str(i, "generationId"), Items.str(i, "sellerId"), Items.str(i, "modelId"),
                        GenerationFeedback.Rating.valueOf(Items.str(i, "rating")), Items.str(i, "comment"), Items.instant(i, "at")))
                .sorted(java.util.Comparator.comparing(GenerationFeedback::at)).toList();
    }

    /** The partition key of the item with this public id and sort-key prefix, from the index. */
    private Optional<String> locate(String publicId, String skPrefix) {
        return dynamo.query(b -> b.tableName(table).indexName(INDEX)
                        .keyConditionExpression("publicId = :id AND sk = :sk")
                        .expressionAttributeValues(Map.of(":id", s(publicId), ":sk", s(skPrefix + publicId))))
                .items().stream().findFirst().map(i -> Items.str(i, "pk"));
    }

    private static Map<String, AttributeValue> generationItem(Generation g) {
        Items.Builder b = item(Items.sellerKey(g.sellerId()), GENERATION + g.id()).with("publicId", g.id()).with("id", g.id())
                .with("sellerId", g.sellerId()).with("modelId", g.modelId()).with("clientId", g.clientId())
                .with("prompt", g.prompt()).with("instructions", g.instructions()).with("units", g.units())
                .with("priceCents", g.priceCents()).with("currency", g.currency()).with("status", g.status().name())
                .with("orderId", g.orderId()).with("contentType", g.contentType())
                .with("failureReason", g.failureReason()).with("createdAt", g.createdAt())
                .with("updatedAt", g.updatedAt());
        if (g.size() != null) {
            b.with("width", g.size().width()).with("height", g.size().height());
        }
        return b.build();
    }

    private static Generation generation(Map<String, AttributeValue> i) {
        return new Generation(Items.str(i, "id"), Items.str(i, "sellerId"), Items.str(i, "modelId"),
                Items.str(i, "clientId"), Items.str(i, "prompt"), Items.str(i, "instructions"),
                (int) Items.num(i, "units", 1), Items.num(i, "priceCents", 0), Items.str(i, "currency"),
                GenerationStatus.valueOf(Items.str(i, "status")), Items.str(i, "orderId"), Items.str(i, "contentType"),
                Items.str(i, "failureReason"), Items.instant(i, "createdAt"), Items.instant(i, "updatedAt"),
                i.containsKey("width") ? new ImageSize((int) Items.num(i, "width", 0), (int) Items.num(i, "height", 0)) : null);
    }

    private static Map<String, AttributeValue> orderItem(CreationOrder o) {
        Items.Builder b = item(Items.sellerKey(o.sellerId()), ORDER + o.id()).with("publicId", o.id())
                .with("id", o.id()).with("sellerId", o.sellerId()).with("modelId", o.modelId())
                .with("clientId", o.clientId()).with("generationId", o.generationId())
                .with("deliveryGenerationId", o.deliveryGenerationId()).with("priceCents", o.priceCents())
                .with("currency", o.currency()).with("chargeId", o.chargeId()).with("approvedAt", o.approvedAt())
                .with("downloadedAt", o.downloadedAt()).with("revisionGenerationId", o.revisionGenerationId())
                .with("revisionRequestedAt", o.revisionRequestedAt()).with("reviewText", o.reviewText())
                .with("reviewedAt", o.reviewedAt()).with("countsTowardSellerStats", o.countsTowardSellerStats())
                .with("version", o.version()).with("createdAt", o.createdAt()).with("updatedAt", o.updatedAt());
        if (o.rating() > 0) {
            b.with("rating", o.rating());
        }
        return b.build();
    }

    private static CreationOrder order(Map<String, AttributeValue> i) {
        return new CreationOrder(Items.str(i, "id"), Items.str(i, "sellerId"), Items.str(i, "modelId"),
                Items.str(i, "clientId"), Items.str(i, "generationId"), Items.str(i, "deliveryGenerationId"),
                Items.num(i, "priceCents", 0), Items.str(i, "currency"), Items.str(i, "chargeId"),
                Items.instant(i, "approvedAt"), Items.instant(i, "downloadedAt"), Items.str(i, "revisionGenerationId"),
                Items.instant(i, "revisionRequestedAt"), (int) Items.num(i, "rating", 0), Items.str(i, "reviewText"),
                Items.instant(i, "reviewedAt"), Items.bool(i, "countsTowardSellerStats", false),
                Items.num(i, "version", 1), Items.instant(i, "createdAt"), Items.instant(i, "updatedAt"));
    }
}
