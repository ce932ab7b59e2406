package app.go.local.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Map;

/**
 * Child-JVM main for the floor of the handler's cold start: same classpath and flags, no handler.
 * Builds the SDK clients the handler builds (DynamoDB, Step Functions and SQS, for its dead letters, over one URL-connection
 * HTTP client, region, static credentials and endpoints from the environment) and does one
 * DynamoDB GetItem. Arguments: the conversations table's env var name and the item's pk.
 */
public final class FloorProbe {
    private FloorProbe() {}

    public static void main(String[] args) {
        long mainWallMs = System.currentTimeMillis();
        Map<String, String> env = System.getenv();

        long constructStart = System.nanoTime();
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        Region region = Region.of(env.getOrDefault("AWS_REGION", "us-east-1"));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")));
        DynamoDbClient dynamo = DynamoDbClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_DYNAMODB"))).build();
        SfnClient sfn = SfnClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_SFN"))).build();
        SqsClient sqs = SqsClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_SQS"))).build();
        long invokeStart = System.nanoTime();
        GetItemResponse item = dynamo.getItem(b -> b.tableName(env.get(args[0]))
                .key(Map.of("pk", AttributeValue.fromS(args[1]), "sk", AttributeValue.fromS("META"))));
        long invokeEnd = System.nanoTime();
        long endWallMs = System.currentTimeMillis();

        boolean ok = item.hasItem() && sfn != null && sqs != null;
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(ProbeLine.format("floor", mainWallMs - jvmStartMs, invokeStart - constructStart,
                invokeEnd - invokeStart, endWallMs - jvmStartMs, ok));
        System.out.flush();
        System.exit(ok ? 0 : 1);
    }
}
