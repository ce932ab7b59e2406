package app.go.adapter.aws.bedrock;

import app.go.domain.assistant.PromptBuilder;
import app.go.domain.assistant.Requirements;
import app.go.domain.port.AssistantTurn;
import app.go.domain.port.Completion;
import app.go.domain.port.ReplyContext;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.LanguageModelException;
import app.go.domain.port.LanguageModelException.Reason;
import app.go.domain.port.Prompt;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * {@link LanguageModel} on the Bedrock Runtime Converse API.
 *
 * <p>Retries are this class's own: throttling, a model not ready, 5xx and I/O failures are tried
 * up to {@link #MAX_ATTEMPTS} times in all with exponential backoff and jitter, and each call
 * switches the SDK client's own retries off so the attempts do not multiply. Error messages name
 * the model, the error code and the request id, never the prompt's or the service's text, since
 * prompts carry seller data (the SDK exception stays available as the cause).
 */
public final class BedrockLanguageModel implements LanguageModel {
    public static final String DEFAULT_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

    /** Calls to Converse per {@link #complete}, the first included. */
    static final int MAX_ATTEMPTS = BedrockRetries.MAX_ATTEMPTS;

    /** Calls asking for the structured turn per {@link #respond}: a malformed or missing tool call is asked again once. */
    static final int TURN_ATTEMPTS = 2;

    /** A Bedrock guardrail applied to every client turn ({@code BEDROCK_GUARDRAIL_ID} / {@code _VERSION}). */
    public record Guardrail(String id, String version) {
        public Guardrail {
            if (id == null || id.isBlank() || version == null || version.isBlank()) {
                throw new IllegalArgumentException("a guardrail needs an id and a version");
            }
        }
    }

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final BedrockRetries.Sleeper sleeper;
    private final Optional<Guardrail> guardrail;

    public BedrockLanguageModel(BedrockRuntimeClient client, String modelId) {
        this(client, modelId, Optional.empty());
    }

    public BedrockLanguageModel(BedrockRuntimeClient client, String modelId, Optional<Guardrail> guardrail) {
        this(client, modelId, guardrail, duration -> Thread.sleep(duration.toMillis()));
    }

    BedrockLanguageModel(BedrockRuntimeClient client, String modelId, BedrockRetries.Sleeper sleeper) {
        this(client, modelId, Optional.empty(), sleeper);
    }

    BedrockLanguageModel(BedrockRuntimeClient client, String modelId, Optional<Guardrail> guardrail, BedrockRetries.Sleeper sleeper) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("a Bedrock model id is required");
        }
        this.client = client;
        this.modelId = modelId;
        this.sleeper = sleeper;
        this.guardrail = guardrail;
    }

    public String modelId() {
        return modelId;
    }

    @Override
    public Completion complete(Prompt prompt) {
        return ConverseMapping.completion(converse(ConverseMapping.request(modelId, prompt)));
    }

    /**
     * One turn through the forced {@value TurnTool#NAME} tool. A guardrail intervention is a blocked
     * turn; a reply without a valid tool call is asked again once, then fails: no half reply goes out.
     */
    @Override
    public AssistantTurn respond(ReplyContext context) {
        ConverseRequest.Builder request = ConverseMapping.request(modelId, PromptBuilder.build(context)).toBuilder()
                .toolConfig(TurnTool.configuration());
        guardrail.ifPresent(g -> request.guardrailConfig(GuardrailConfiguration.builder()
                .guardrailIdentifier(g.id()).guardrailVersion(g.version()).build()));
        for (int attempt = 1; attempt <= TURN_ATTEMPTS; attempt++) {
            ConverseResponse response = converse(request.build());
            Completion completion = ConverseMapping.completion(response);
            if (response.stopReason() == StopReason.GUARDRAIL_INTERVENED) {
                return new AssistantTurn(completion.text(), context.languageHint(), context.languageHintConfidence(),
                        AssistantTurn.Intent.ANSWER, Set.of(), Requirements.NONE, true, completion.usage());
            }
            Optional<AssistantTurn> turn = ConverseMapping.toolInput(response, TurnTool.NAME)
                    .flatMap(input -> TurnTool.read(input, completion.usage()));
            if (turn.isPresent()) {
                return turn.get();
            }
        }
        throw new LanguageModelException(Reason.INVALID_RESPONSE, "Bedrock model '" + modelId + "' answered "
                + TURN_ATTEMPTS + " times without a valid " + TurnTool.NAME + " tool call", null);
    }

    /**
     * SnapStart priming: builds the turn's Converse request (prompt, forced tool, guardrail) and reads a
     * sample tool call the way {@link #respond} reads the model's, without calling Bedrock.
     */
    public AssistantTurn primeWithoutCalling(ReplyContext context) {
        ConverseRequest.Builder request = ConverseMapping.request(modelId, PromptBuilder.build(context)).toBuilder()
                .toolConfig(TurnTool.configuration());
        guardrail.ifPresent(g -> request.guardrailConfig(GuardrailConfiguration.builder()
                .guardrailIdentifier(g.id()).guardrailVersion(g.version()).build()));
        request.build();
        com.fasterxml.jackson.databind.node.ObjectNode sample = app.go.support.json.Json.object()
                .put("reply", "Hi!").put("language", context.languageHint()).put("languageConfidence", 0.9)
                .put("intent", AssistantTurn.Intent.ANSWER.name());
        sample.putArray("handoffReasons");
        sample.putObject("requirements");
        sample.putArray("missing");
        return TurnTool.read(TurnTool.document(sample), new Completion.TokenUsage(0, 0))
                .orElseThrow(() -> new IllegalStateException("the sample tool call does not fit the turn schema"));
    }

    /** The JSON schema of the turn tool as sent with every client turn (its size is part of each reply's input tokens). */
    public static String turnToolSchema() {
        return TurnTool.schema().toString();
    }

    private ConverseResponse converse(ConverseRequest unconfigured) {
        ConverseRequest request = unconfigured.toBuilder()
                .overrideConfiguration(AwsRequestOverrideConfiguration.builder().addPlugin(BedrockRetries.SINGLE_SDK_ATTEMPT).build())
                .build();
        return BedrockRetries.call(() -> client.converse(request), sleeper, this::failure,
                (cause, attempt) -> new LanguageModelException(Reason.UNAVAILABLE, "Interrupted while backing off from Bedrock model '"
                        + modelId + "' after " + attempts(attempt), cause));
    }

    /** Backoff before retry number {@code retry} (1-based): a random duration in [ceiling/2, ceiling]. */
    static Duration backoff(int retry) {
        return BedrockRetries.backoff(retry);
    }

    private LanguageModelException failure(SdkException e, int attempt) {
        return BedrockRetries.modelFailure(modelId, e, attempt);
    }

    private static String attempts(int attempt) {
        return BedrockRetries.attempts(attempt);
    }
}
