package app.go.domain.knowledge;

import app.go.domain.assistant.NormalizedText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PA-KB-3: the questions the assistant could not answer, grouped by their normalised text and counted,
 * most frequent first, so the seller sees which answers their knowledge base lacks. Greetings and
 * small talk are not questions worth an entry and are left out.
 */
public final class UnansweredQuestions {
    /** How many recorded questions a listing reads (the newest). */
    public static final int READ_LIMIT = 1_000;
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");
    /** Openers and courtesies that carry no question, in the languages the assistant speaks most. */
    private static final Set<String> COURTESY = Set.of("hi", "hello", "hey", "hallo", "hola", "bonjour", "salut", "ciao",
            "olá", "ola", "привет", "здравствуйте", "مرحبا", "السلام", "عليكم", "你好", "您好", "dear", "good", "morning",
            "evening", "afternoon", "guten", "tag", "morgen", "buenos", "días", "dias", "buenas", "tardes", "there",
            "thanks", "thank", "you", "danke", "gracias", "merci", "grazie", "obrigado", "спасибо", "شكرا", "谢谢",
            "ok", "okay", "great", "cool", "bye", "please", "bitte", "por", "favor", "svp");

    /** One question as the seller sees it: the latest wording, how often it was asked, and where. */
    public record Group(String text, String normalized, int count, Instant lastAskedAt, List<String> conversationIds) {}

    private UnansweredQuestions() {}

    /** The question's text for grouping: case folded, punctuation and extra spaces gone. */
    public static String normalize(String text) {
        return PUNCTUATION.matcher(NormalizedText.normalize(text)).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    /** Whether the text asks anything beyond a greeting, thanks or small talk. */
    public static boolean worthListing(String text) {
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (String word : normalized.split(" ")) {
            if (!COURTESY.contains(word)) {
                words.add(word);
            }
        }
        int characters = words.stream().mapToInt(String::length).sum();
        boolean ideographic = words.stream().anyMatch(w -> w.codePoints().anyMatch(Character::isIdeographic));
        return ideographic ? characters >= 3 : words.size() >= 2;
    }

    /** Groups by normalised text; most asked first, then most recently asked. */
    public static List<Group> group(List<UnansweredQuestion> questions) {
        Map<String, List<UnansweredQuestion>> byText = new LinkedHashMap<>();
        for (UnansweredQuestion question : questions) {
            if (worthListing(question.text())) {
                byText.computeIfAbsent(normalize(question.text()), k -> new ArrayList<>()).add(question);
            }
        }
        List<Group> groups = new ArrayList<>();
        byText.forEach((normalized, asked) -> {
            UnansweredQuestion latest = asked.stream().max(Comparator.comparing(UnansweredQuestion::at)).orElseThrow();
            Set<String> conversations = new LinkedHashSet<>();
            asked.forEach(q -> conversations.add(q.conversationId()));
            Set<String> messages = new LinkedHashSet<>();
            asked.forEach(q -> messages.add(q.messageId()));
            groups.add(new Group(latest.text().strip(), normalized, messages.size(), latest.at(), List.copyOf(conversations)));
        });
        groups.sort(Comparator.comparingInt(Group::count).reversed().thenComparing(Group::lastAskedAt, Comparator.reverseOrder()));
        return groups;
    }
}
