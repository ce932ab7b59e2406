package app.go.adapter.aws.bedrock;

import app.go.domain.port.LanguageModelException;
import app.go.domain.port.LanguageModelException.Reason;
import app.go.domain.port.TextEmbedder;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link TextEmbedder} on Amazon Titan Text Embeddings V2 through InvokeModel: normalized vectors
 * of {@value #DIMENSIONS} dimensions (the model is multilingual, so a question in Spanish finds an
 * entry written in English). Retries are {@link BedrockRetries}'s; errors name the model, the
 * error code and the request id, never the text (it carries seller and client data).
 */
public final class TitanTextEmbedder implements TextEmbedder {
    public static final String DEFAULT_MODEL_ID = "amazon.titan-embed-text-v2:0";
    /** One of the model's 256 / 512 / 1024: 512 keeps a stored vector at 512 bytes with little loss of ranking. */
    public static final int DIMENSIONS = 512;
    /** The model reads at most 8,192 tokens; an entry is at most 2,300 characters, a message 5,000. */
    static final int MAX_CHARACTERS = 20_000;

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final BedrockRetries.Sleeper sleeper;

    public TitanTextEmbedder(BedrockRuntimeClient client, String modelId) {
        this(client, modelId, duration -> Thread.sleep(duration.toMillis()));
    }

    TitanTextEmbedder(BedrockRuntimeClient client, String modelId, BedrockRetries.Sleeper sleeper) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("an embedding model id is required");
        }
        this.client = client;
        this.modelId = modelId;
        this.sleeper = sleeper;
    }

    @Override
    public float[] embed(String text) {
        String input = text == null || text.isBlank() ? " " : text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
        ObjectNode body = Json.object().put("inputText", input).put("dimensions", DIMENSIONS).put("normalize", true);
        InvokeModelRequest request = InvokeModelRequest.builder().modelId(modelId)
                .contentType("application/json").accept("application/json")
                .body(SdkBytes.fromString(Json.write(body), StandardCharsets.UTF_8))
                .overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                        .addPlugin(BedrockRetries.SINGLE_SDK_ATTEMPT).apiCallAttemptTimeout(Duration.ofSeconds(10)).build())
                .build();
        String response = BedrockRetries.call(() -> client.invokeModel(request).body().asUtf8String(), sleeper, this::failure,
                (cause, attempt) -> new LanguageModelException(Reason.UNAVAILABLE, "Interrupted while backing off from Bedrock model '"
                        + modelId + "' after " + BedrockRetries.attempts(attempt), cause));
        return vector(response);
    }

    private float[] vector(String response) {
        JsonNode embedding;
        try {
            embedding = Json.parse(response).path("embedding");
        } catch (RuntimeException e) {
            throw invalid("an unreadable body");
        }
        if (!embedding.isArray() || embedding.size() != DIMENSIONS) {
            throw invalid(embedding.isArray() ? embedding.size() + " dimensions instead of " + DIMENSIONS : "no embedding");
        }
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            if (!embedding.get(i).isNumber()) {
                throw invalid("a non-numeric component");
            }
            vector[i] = (float) embedding.get(i).asDouble();
        }
        return vector;
    }

    private LanguageModelException invalid(String what) {
        return new LanguageModelException(Reason.INVALID_RESPONSE, "Bedrock model '" + modelId + "' answered with " + what, null);
    }

    private LanguageModelException failure(SdkException e, int attempt) {
        return BedrockRetries.modelFailure(modelId, e, attempt);
    }
}
