package app.go.adapter.aws.dynamodb;

import app.go.domain.report.Report;
import app.go.domain.port.ReportStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static app.go.adapter.aws.dynamodb.Items.item;

/**
 * Reports ({@code REPORT#<id>}) in the creations table, under the partition of the seller the
 * reported thing belongs to. No {@code publicId}: reports are not looked up by id.
 */
public final class DynamoReportStore implements ReportStore {
    private static final String REPORT = "REPORT#";

    private final DynamoTable items;

    public DynamoReportStore(DynamoDbClient dynamo, String table) {
        this.items = new DynamoTable(dynamo, table);
    }

    @Override
    public void save(Report r) {
        Map<String, AttributeValue> it = item(Items.sellerKey(r.sellerId()), REPORT + r.id()).with("id", r.id())
                .with("targetType", r.targetType().name()).with("targetId", r.targetId())
                .with("reporterId", r.reporterId()).with("reporterRole", r.reporterRole()).with("reason", r.reason())
                .with("createdAt", r.createdAt()).build();
        items.client().putItem(b -> b.tableName(items.name()).item(it).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public List<Report> reports(String sellerId) {
        return items.queryPrefix(Items.sellerKey(sellerId), REPORT).map(i -> new Report(Items.str(i, "id"), sellerId,
                        Report.TargetType.valueOf(Items.str(i, "targetType")), Items.str(i, "targetId"),
                        Items.str(i, "reporterId"), Items.str(i, "reporterRole"), Items.str(i, "reason"),
                        Items.instant(i, "createdAt"))).toList();
    }
}
