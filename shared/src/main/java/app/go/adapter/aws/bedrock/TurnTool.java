package app.go.adapter.aws.bedrock;

import app.go.domain.assistant.HandoffReason;
import app.go.domain.assistant.Requirement;
import app.go.domain.assistant.Requirements;
import app.go.domain.port.AssistantTurn;
import app.go.domain.port.Completion;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;

/**
 * The assistant's turn as a Converse tool: the JSON schema the model must fill (forced with
 * {@code toolChoice}), and the reading of its {@code toolUse} input back into an {@link AssistantTurn}.
 * An input that does not fit the schema is {@link Optional#empty()}: the caller asks again.
 */
final class TurnTool {
    static final String NAME = "assistant_turn";
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private TurnTool() {}

    static ToolConfiguration configuration() {
        return ToolConfiguration.builder()
                .tools(Tool.fromToolSpec(ToolSpecification.builder()
                        .name(NAME)
                        .description("Your one decision on the client's last message: the reply and what to do next.")
                        .inputSchema(ToolInputSchema.fromJson(document(schema())))
                        .build()))
                .toolChoice(ToolChoice.fromTool(SpecificToolChoice.builder().name(NAME).build()))
                .build();
    }

    static ObjectNode schema() {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("reply").put("type", "string")
                .put("description", "The message to the client, entirely in the client's language.");
        properties.putObject("language").put("type", "string")
                .put("description", "BCP-47 tag of the client's language, which the reply is written in (e.g. de, pt-BR).");
        properties.putObject("languageConfidence").put("type", "number").put("minimum", 0).put("maximum", 1);
        enumeration(properties.putObject("intent").put("type", "string")
                .put("description", "CANNOT_ANSWER when the seller's profile, services and knowledge do not answer the client's question."),
                AssistantTurn.Intent.values());
        ObjectNode reasons = properties.putObject("handoffReasons").put("type", "array")
                .put("description", "Why the seller must join; only with intent HAND_OVER.");
        enumeration(reasons.putObject("items").put("type", "string"), HandoffReason.values());
        ObjectNode requirements = properties.putObject("requirements").put("type", "object")
                .put("description", "The client's requirements gathered so far in this conversation, each in the client's own words.");
        ObjectNode fields = requirements.putObject("properties");
        ArrayNode missingNames = Json.MAPPER.createArrayNode();
        for (Requirement requirement : Requirement.values()) {
            fields.putObject(requirement.key()).put("type", "string");
            missingNames.add(requirement.key());
        }
        requirements.put("additionalProperties", false);
        ObjectNode missing = properties.putObject("missing").put("type", "array")
                .put("description", "The requirements the client has not given yet.");
        missing.putObject("items").put("type", "string").set("enum", missingNames);
        ArrayNode required = schema.putArray("required");
        for (String name : List.of("reply", "language", "languageConfidence", "intent", "handoffReasons", "requirements", "missing")) {
            required.add(name);
        }
        return schema;
    }

    /** The turn in a tool input, or empty when it does not fit the schema. */
    static Optional<AssistantTurn> read(Document input, Completion.TokenUsage usage) {
        JsonNode node = json(input);
        String reply = node.path("reply").asText("");
        String language = node.path("language").asText("");
        if (!node.path("reply").isTextual() || reply.isBlank() || !LANGUAGE_TAG.matcher(language).matches()
                || !node.path("languageConfidence").isNumber()) {
            return Optional.empty();
        }
        AssistantTurn.Intent intent;
        Set<HandoffReason> reasons = EnumSet.noneOf(HandoffReason.class);
        Set<Requirement> missing = EnumSet.noneOf(Requirement.class);
        Map<Requirement, String> gathered = new EnumMap<>(Requirement.class);
        try {
            intent = AssistantTurn.Intent.valueOf(node.path("intent").asText());
            for (JsonNode reason : node.path("handoffReasons")) {
                reasons.add(HandoffReason.valueOf(reason.asText()));
            }
            for (JsonNode name : node.path("missing")) {
                missing.add(Requirement.valueOf(name.asText().toUpperCase(java.util.Locale.ROOT)));
            }
            node.path("requirements").fields().forEachRemaining(field -> gathered.put(
                    Requirement.valueOf(field.getKey().toUpperCase(java.util.Locale.ROOT)), field.getValue().asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (intent == AssistantTurn.Intent.HAND_OVER && reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AssistantTurn(reply, language, node.path("languageConfidence").asDouble(), intent, reasons,
                new Requirements(gathered, missing), false, usage));
    }

    private static void enumeration(ObjectNode node, Enum<?>[] values) {
        ArrayNode names = node.putArray("enum");
        for (Enum<?> value : values) {
            names.add(value.name());
        }
    }

    static Document document(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), document(field.getValue())));
            return Document.fromMap(map);
        }
        if (node.isArray()) {
            List<Document> list = new ArrayList<>();
            node.forEach(item -> list.add(document(item)));
            return Document.fromList(list);
        }
        if (node.isNumber()) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        return node.isNull() ? Document.fromNull() : Document.fromString(node.asText());
    }

    static JsonNode json(Document document) {
        if (document == null || document.isNull()) {
            return Json.MAPPER.nullNode();
        }
        if (document.isMap()) {
            ObjectNode object = Json.MAPPER.createObjectNode();
            document.asMap().forEach((key, value) -> object.set(key, json(value)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            document.asList().forEach(item -> array.add(json(item)));
            return array;
        }
        if (document.isNumber()) {
            return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(document.asNumber().stringValue()));
        }
        if (document.isBoolean()) {
            return Json.MAPPER.getNodeFactory().booleanNode(document.asBoolean());
        }
        return Json.MAPPER.getNodeFactory().textNode(document.asString());
    }
}
