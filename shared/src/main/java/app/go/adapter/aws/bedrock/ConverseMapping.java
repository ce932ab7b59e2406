package app.go.adapter.aws.bedrock;

import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModelException;
import app.go.domain.port.Prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/** Translates between the {@code ai} port's records and the Bedrock Converse API's shapes. */
final class ConverseMapping {
    /** How the texts of consecutive turns of the same role are joined into one message. */
    static final String TURN_SEPARATOR = "\n\n";

    private ConverseMapping() {}

    /**
     * The Converse request for a prompt. Converse wants messages that alternate between user and
     * assistant and start with the user, so blank turns are skipped, consecutive turns of one role
     * are merged, and assistant turns before the first user turn are dropped.
     *
     * @throws LanguageModelException {@code INVALID_REQUEST} when the prompt has no non-blank user turn
     */
    static ConverseRequest request(String modelId, Prompt prompt) {
        ConverseRequest.Builder request = ConverseRequest.builder()
                .modelId(modelId)
                .messages(messages(prompt.turns(), modelId))
                .inferenceConfig(inference(prompt.settings()));
        if (prompt.system() != null && !prompt.system().isBlank()) {
            request.system(SystemContentBlock.fromText(prompt.system()));
        }
        return request.build();
    }

    /** The completion in a Converse response: its text blocks joined by newlines, stop reason, and token usage. */
    static Completion completion(ConverseResponse response) {
        List<ContentBlock> content = response.output() == null || response.output().message() == null
                ? List.of()
                : response.output().message().content();
        String text = content.stream()
                .map(ContentBlock::text)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        TokenUsage usage = response.usage();
        return new Completion(text, response.stopReasonAsString(), new Completion.TokenUsage(
                usage == null ? 0 : orZero(usage.inputTokens()),
                usage == null ? 0 : orZero(usage.outputTokens())));
    }

    /** The input of the response's first call of the named tool, if the model called it. */
    static Optional<Document> toolInput(ConverseResponse response, String toolName) {
        List<ContentBlock> content = response.output() == null || response.output().message() == null
                ? List.of()
                : response.output().message().content();
        return content.stream().map(ContentBlock::toolUse).filter(Objects::nonNull)
                .filter(use -> toolName.equals(use.name())).map(ToolUseBlock::input).filter(Objects::nonNull).findFirst();
    }

    private static List<Message> messages(List<Prompt.Turn> turns, String modelId) {
        List<Prompt.Role> roles = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        for (Prompt.Turn turn : turns) {
            if (turn.text() == null || turn.text().isBlank() || (roles.isEmpty() && turn.role() != Prompt.Role.USER)) {
                continue;
            }
            int last = roles.size() - 1;
            if (last >= 0 && roles.get(last) == turn.role()) {
                texts.get(last).append(TURN_SEPARATOR).append(turn.text());
            } else {
                roles.add(turn.role());
                texts.add(new StringBuilder(turn.text()));
            }
        }
        if (roles.isEmpty()) {
            throw new LanguageModelException(LanguageModelException.Reason.INVALID_REQUEST,
                    "Prompt for Bedrock model '" + modelId + "' has no non-blank user turn", null);
        }
        List<Message> messages = new ArrayList<>(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            messages.add(Message.builder()
                    .role(roles.get(i) == Prompt.Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
                    .content(ContentBlock.fromText(texts.get(i).toString()))
                    .build());
        }
        return messages;
    }

    private static InferenceConfiguration inference(Prompt.InferenceSettings settings) {
        Prompt.InferenceSettings s = settings == null ? Prompt.InferenceSettings.DEFAULT : settings;
        return InferenceConfiguration.builder()
                .maxTokens(s.maxTokens())
                .temperature((float) s.temperature())
                .topP((float) s.topP())
                .build();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
