package app.go.domain.knowledge;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the seller's knowledge base (PA-KB-1): a question and its answer, general or about one
 * service, generated from the sources or written by the seller. It is information only (PA-KB-5).
 */
public record KnowledgeEntry(String id, Scope scope, String serviceId, String question, String answer, Source source) {
    public static final int MAX_QUESTION_LENGTH = 300;
    public static final int MAX_ANSWER_LENGTH = 2_000;

    public enum Scope { GENERAL, SERVICE }

    public enum Source { GENERATED, SELLER }

    /** PA-KB-4: "whenever someone asks X, answer Y" (and close variants) written as one text. */
    private static final Pattern INSTRUCTION = Pattern.compile(
            "^\\s*(?:whenever|when|if)\\s+(?:someone|somebody|anyone|a client|a buyer|the client|clients|people)\\s+asks?\\s+"
                    + "(?:me\\s+)?(?:about\\s+|for\\s+)?(.+?)\\s*[,;:]\\s*(?:then\\s+)?(?:always\\s+)?"
                    + "(?:answer|reply|respond|say|tell them)(?:\\s+with|\\s+that)?\\s*[:,]?\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public KnowledgeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        question = question == null ? "" : question;
        answer = answer == null ? "" : answer;
        serviceId = scope == Scope.GENERAL ? null : serviceId;
    }

    /** The same question, whatever the case, punctuation and spacing (edits win over generated entries on it, PA-KB-3). */
    public String questionKey() {
        return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * The entry as a question and an answer: an instruction "whenever someone asks X, answer Y" in
     * either field becomes question X with answer Y (PA-KB-4); anything else stays as it is.
     */
    public KnowledgeEntry asQuestionAndAnswer() {
        return instruction(answer).or(() -> instruction(question))
                .map(qa -> new KnowledgeEntry(id, scope, serviceId, qa[0], qa[1], source))
                .orElse(this);
    }

    private static Optional<String[]> instruction(String text) {
        Matcher matcher = INSTRUCTION.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String question = unquote(matcher.group(1));
        String answer = unquote(matcher.group(2));
        return question.isEmpty() || answer.isEmpty() ? Optional.empty() : Optional.of(new String[]{question, answer});
    }

    private static String unquote(String text) {
        return text.strip().replaceAll("^[\"'“”‘’«»]+|[\"'“”‘’«»]+$", "").strip();
    }
}
