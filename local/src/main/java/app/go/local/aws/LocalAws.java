package app.go.local.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;

/** The fixed account, region and credentials of the embedded runtime, and SDK clients pointed at it. */
public final class LocalAws {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";

    private LocalAws() {}

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    public static DynamoDbClient dynamoDbClient(URI endpoint) {
        return DynamoDbClient.builder()
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .build();
    }

    public static SqsClient sqsClient(URI endpoint) {
        return SqsClient.builder()
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .build();
    }

    /** {@code arn:aws:sqs:us-east-1:000000000000:<name>} for a queue URL whose last segment is its name. */
    public static String queueArn(String queueUrl) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID + ":" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    public static String functionArn(String functionName) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + functionName;
    }
}
