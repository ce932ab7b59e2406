package app.go.local.bench;

import app.go.adapter.aws.bedrock.BedrockLanguageModel;
import app.go.adapter.offline.LexicalKnowledgeRetriever;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.domain.assistant.AssistantResponder;
import app.go.domain.assistant.PromptSizes;
import app.go.domain.assistant.PromptTokens;
import app.go.domain.port.AssistantTurn;
import app.go.local.GoLocal;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Part (p): issue 7's reply figures, measured in the bench's run: prompt tokens at 10 / 1,000
 * knowledge entries and 5 / 500 past turns ({@link PromptSizes}), the DynamoDB calls of one normal
 * reply on the local runtime's tables with the warm handler p50 against as many GetItems
 * ({@link ReplyCallBudget}), and the Bedrock cost a reply of that size would have at list prices.
 */
final class ReplyFigures {
    /** Claude 3 Haiku on Bedrock (us-east-1, on demand), USD per million tokens: the default model of the stack. */
    static final double INPUT_USD_PER_MILLION = 0.25;
    static final double OUTPUT_USD_PER_MILLION = 1.25;
    /** Titan Text Embeddings V2, USD per million input tokens: the client's message is embedded once per reply. */
    static final double EMBEDDING_USD_PER_MILLION = 0.02;
    static final int DAYS_PER_MONTH = 30;
    /** The system prompt Anthropic adds for tool use, Claude 3 Haiku with a forced tool (its tool-use pricing page). */
    static final int TOOL_USE_SYSTEM_TOKENS = 340;

    /** What one reply costs at list prices, from estimated token counts. */
    record Cost(int promptTokens, int toolSchemaTokens, int outputTokens, int embeddingTokens) {
        int inputTokens() {
            return promptTokens + toolSchemaTokens + TOOL_USE_SYSTEM_TOKENS;
        }

        double perReplyUsd() {
            return (inputTokens() * INPUT_USD_PER_MILLION + outputTokens * OUTPUT_USD_PER_MILLION
                    + embeddingTokens * EMBEDDING_USD_PER_MILLION) / 1e6;
        }

        /** A seller's month at the daily cap (PA-LIM-2). */
        double perSellerMonthUsd() {
            return perReplyUsd() * AssistantResponder.DAILY_MESSAGE_LIMIT * DAYS_PER_MONTH;
        }
    }

    private ReplyFigures() {}

    static ObjectNode run(GoLocal local, int warmRuns) {
        ObjectNode node = Json.object();
        PromptSizes.Bounds bounds = PromptSizes.bounds(new OfflineLanguageModel(), new LexicalKnowledgeRetriever());
        ObjectNode prompt = node.putObject("promptTokens");
        prompt.put("entries10turns5", bounds.base().promptTokens());
        prompt.put("entries1000turns5", bounds.manyEntries().promptTokens());
        prompt.put("entries10turns500", bounds.manyTurns().promptTokens());
        prompt.put("knowledgeRatio", round2(bounds.knowledgeRatio()));
        prompt.put("historyRatio", round2(bounds.historyRatio()));
        prompt.put("maxRatio", PromptSizes.MAX_RATIO);

        Map<String, String> environment = new HashMap<>(local.environment());
        environment.put("MODEL_PROVIDER", "offline");
        ReplyCallBudget.Result calls = new ReplyCallBudget(environment,
                Clock.fixed(local.clock().instant(), ZoneOffset.UTC), "bench-budget").measure(warmRuns);
        ObjectNode dynamo = node.putObject("dynamoDbPerReply");
        dynamo.put("calls", calls.calls().size());
        dynamo.put("budget", ReplyCallBudget.BUDGET);
        dynamo.putPOJO("sequence", calls.calls());
        ObjectNode byOperation = dynamo.putObject("byOperation");
        calls.byOperation().forEach(byOperation::put);
        dynamo.put("repliesStored", calls.replies());
        dynamo.put("countedAfterRedelivery", calls.countedAfterRedelivery());
        dynamo.put("primingOk", calls.priming().ok());
        dynamo.put("primingCoversReplyOperations", calls.priming().covers(calls.calls()));
        dynamo.putPOJO("primingSequence", calls.priming().calls());
        ObjectNode warm = node.putObject("warmHandlerVsGetItems");
        warm.put("runs", calls.warm().runs());
        warm.put("handlerP50Ms", round2(calls.warm().handlerP50Ms()));
        warm.put("getItems", calls.warm().getItems());
        warm.put("getItemsP50Ms", round2(calls.warm().getItemsP50Ms()));
        warm.put("ratio", round2(calls.warm().ratio()));

        // the 1,000-entry prompt: the larger of the bounded ones, for a seller with a big knowledge base
        Cost cost = new Cost(bounds.manyEntries().promptTokens(), PromptTokens.estimate(BedrockLanguageModel.turnToolSchema()),
                outputTokens(bounds.manyEntries().turn()), PromptTokens.estimate(PromptSizes.QUESTION));
        ObjectNode c = node.putObject("bedrockCostEstimate");
        c.put("model", BedrockLanguageModel.DEFAULT_MODEL_ID);
        c.put("inputUsdPerMillion", INPUT_USD_PER_MILLION);
        c.put("outputUsdPerMillion", OUTPUT_USD_PER_MILLION);
        c.put("embeddingUsdPerMillion", EMBEDDING_USD_PER_MILLION);
        c.put("promptTokens", cost.promptTokens());
        c.put("toolSchemaTokens", cost.toolSchemaTokens());
        c.put("toolUseSystemTokens", TOOL_USE_SYSTEM_TOKENS);
        c.put("inputTokens", cost.inputTokens());
        c.put("outputTokens", cost.outputTokens());
        c.put("embeddingTokens", cost.embeddingTokens());
        c.put("perReplyUsd", cost.perReplyUsd());
        c.put("repliesPerSellerMonth", AssistantResponder.DAILY_MESSAGE_LIMIT * DAYS_PER_MONTH);
        c.put("perSellerMonthUsd", Math.round(cost.perSellerMonthUsd() * 1000) / 1000.0);
        return node;
    }

    /** The tool call the model writes for a turn (here the offline model's): its JSON input, estimated like the prompt. */
    static int outputTokens(AssistantTurn turn) {
        ObjectNode call = Json.object().put("reply", turn.reply()).put("language", turn.language())
                .put("languageConfidence", turn.languageConfidence()).put("intent", turn.intent().name());
        call.putPOJO("handoffReasons", turn.handoffReasons().stream().map(Enum::name).toList());
        ObjectNode requirements = call.putObject("requirements");
        turn.requirements().gathered().forEach((k, v) -> requirements.put(k.key(), v));
        call.putPOJO("missing", turn.requirements().missing().stream().map(r -> r.key()).toList());
        return PromptTokens.estimate(call.toString());
    }

    static String text(ObjectNode p) {
        ObjectNode prompt = (ObjectNode) p.get("promptTokens");
        ObjectNode dynamo = (ObjectNode) p.get("dynamoDbPerReply");
        ObjectNode warm = (ObjectNode) p.get("warmHandlerVsGetItems");
        ObjectNode cost = (ObjectNode) p.get("bedrockCostEstimate");
        StringBuilder out = new StringBuilder("(p) PA reply figures (issue 7), measured in this run\n");
        out.append(String.format(Locale.ROOT, "  prompt tokens: 10 entries %d, 1,000 entries %d (%.2fx); 5 turns %d, 500 turns %d (%.2fx); bound %.1fx%n",
                prompt.get("entries10turns5").asInt(), prompt.get("entries1000turns5").asInt(), prompt.get("knowledgeRatio").asDouble(),
                prompt.get("entries10turns5").asInt(), prompt.get("entries10turns500").asInt(), prompt.get("historyRatio").asDouble(),
                prompt.get("maxRatio").asDouble()));
        out.append(String.format(Locale.ROOT, "  DynamoDB calls per normal reply: %d (budget %d) %s; by operation %s; replies stored %d, counted %d after a redelivery%n",
                dynamo.get("calls").asInt(), dynamo.get("budget").asInt(), dynamo.get("sequence"), dynamo.get("byOperation"),
                dynamo.get("repliesStored").asInt(), dynamo.get("countedAfterRedelivery").asInt()));
        out.append(String.format(Locale.ROOT, "  priming: ok %s, sends every operation of a reply: %s %s%n", dynamo.get("primingOk").asBoolean(),
                dynamo.get("primingCoversReplyOperations").asBoolean(), dynamo.get("primingSequence")));
        out.append(String.format(Locale.ROOT, "  warm handler p50 %.1f ms vs %d sequential GetItems p50 %.1f ms: %.2fx (%d runs each)%n",
                warm.get("handlerP50Ms").asDouble(), warm.get("getItems").asInt(), warm.get("getItemsP50Ms").asDouble(),
                warm.get("ratio").asDouble(), warm.get("runs").asInt()));
        out.append(String.format(Locale.ROOT, "  Bedrock estimate (%s, $%.2f / $%.2f per M in/out, Titan V2 $%.2f per M): input %d (prompt %d + tool schema %d + tool-use system %d), "
                        + "output %d, embedding %d tokens: $%.6f per reply, $%.2f per seller-month at %d replies%n",
                cost.get("model").asText(), cost.get("inputUsdPerMillion").asDouble(), cost.get("outputUsdPerMillion").asDouble(),
                cost.get("embeddingUsdPerMillion").asDouble(), cost.get("inputTokens").asInt(), cost.get("promptTokens").asInt(),
                cost.get("toolSchemaTokens").asInt(), cost.get("toolUseSystemTokens").asInt(), cost.get("outputTokens").asInt(), cost.get("embeddingTokens").asInt(),
                cost.get("perReplyUsd").asDouble(), cost.get("perSellerMonthUsd").asDouble(), cost.get("repliesPerSellerMonth").asInt()));
        return out.toString();
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
