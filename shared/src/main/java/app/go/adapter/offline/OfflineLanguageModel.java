package app.go.adapter.offline;

import app.go.domain.assistant.PromptBuilder;
import app.go.domain.safety.ReplyPolicy;
import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.Prompt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic model for running without a network: it reads the same prompt Bedrock gets,
 * retrieves the knowledge lines that best match the client's question, and answers from templates
 * in the reply language, always asking for the requirements still missing (PA-BEH-1).
 */
public final class OfflineLanguageModel implements LanguageModel {
    private static final int MAX_FACTS = 2;
    private static final Pattern TONE_GREETING = Pattern.compile("greeting=(\\p{L}+) \\((\\p{L}+)\\)");
    /** Words too common to tell one entry from another. */
    private static final Set<String> STOP_WORDS = Set.of("what", "which", "when", "where", "does", "your", "have", "with",
            "this", "that", "they", "them", "there", "their", "will", "would", "could", "should", "about", "from", "into",
            "much", "many", "long", "some", "also", "just", "like", "want", "need", "please", "hello", "thanks", "thank",
            "then", "than", "were", "been", "here", "more", "most", "only", "very", "someone", "anyone", "whenever",
            "asks", "answer", "reply", "tell", "know", "hola", "hallo", "bonjour");

    /** Cue words (several languages) that point a question at a kind of fact. */
    private static final Map<String, List<String>> TOPIC_CUES = Map.of(
            "package", List.of("price", "cost", "how much", "budget", "$", "precio", "cuánto", "prix", "combien", "preis", "kostet", "цена", "сколько", "سعر", "价格", "多少"),
            "delivery", List.of("deliver", "days", "deadline", "how long", "when", "entrega", "plazo", "livraison", "délai", "lieferung", "wann", "срок", "تسليم", "交付", "多久"),
            "revisions", List.of("revision", "change", "revisión", "modification", "änderung", "правк", "تعديل", "修改"));

    private static final Map<String, String[]> TEMPLATES = Map.of(
            "en", new String[]{"Hi, thanks for reaching out!", "Here is what I can tell you:", "To prepare the best answer, could you share what you need, the scope, your deadline, your budget and any references?"},
            "es", new String[]{"¡Hola, gracias por escribir!", "Esto es lo que puedo decirte:", "Para preparar la mejor respuesta, ¿puedes contarme qué necesitas, el alcance, tu plazo, tu presupuesto y alguna referencia?"},
            "fr", new String[]{"Bonjour, merci pour votre message !", "Voici ce que je peux vous dire :", "Pour bien vous répondre, pouvez-vous préciser votre besoin, l'étendue, votre délai, votre budget et des références ?"},
            "de", new String[]{"Hallo, danke für Ihre Nachricht!", "Das kann ich Ihnen sagen:", "Damit ich gut antworten kann: Was brauchen Sie, in welchem Umfang, bis wann, mit welchem Budget, und haben Sie Referenzen?"},
            "ar", new String[]{"مرحبًا، شكرًا لتواصلك!", "إليك ما يمكنني قوله:", "لأعد لك أفضل رد، هل يمكنك مشاركة ما تحتاجه والنطاق والموعد النهائي والميزانية وأي مراجع؟"},
            "zh", new String[]{"您好，感谢您的联系！", "以下是我可以告诉您的：", "为了给您最好的答复，能否告诉我您的需求、范围、截止日期、预算以及参考资料？"},
            "ru", new String[]{"Здравствуйте, спасибо за сообщение!", "Вот что я могу сказать:", "Чтобы подготовить лучший ответ, расскажите, что вам нужно, объём, сроки, бюджет и примеры?"});

    @Override
    public Completion complete(Prompt prompt) {
        if (!prompt.system().contains(PromptBuilder.KNOWLEDGE_HEADER)) {
            return summarize(prompt);
        }
        String language = languageOf(prompt.system());
        String[] template = TEMPLATES.getOrDefault(language, TEMPLATES.get("en"));
        List<String> facts = bestFacts(knowledge(prompt.system()), prompt.lastUserText());
        StringBuilder reply = new StringBuilder(greeting(template[0], prompt.system(), language));
        if (!facts.isEmpty()) {
            reply.append(' ').append(template[1]).append(' ').append(String.join(" ", facts));
        }
        reply.append(' ').append(template[2]);
        int input = words(prompt.system()) + prompt.turns().stream().mapToInt(t -> words(t.text())).sum();
        return new Completion(reply.toString(), "end_turn", new Completion.TokenUsage(input, words(reply.toString())));
    }

    /** PA-SRC-3: the seller's own greeting when the tone line has one in the reply language. */
    private static String greeting(String opening, String system, String language) {
        for (String line : system.split("\n")) {
            if (line.startsWith(PromptBuilder.TONE_PREFIX)) {
                Matcher greeting = TONE_GREETING.matcher(line);
                int comma = opening.indexOf(',');
                if (greeting.find() && greeting.group(2).equals(language) && comma > 0) {
                    return greeting.group(1) + opening.substring(comma);
                }
            }
        }
        return opening;
    }

    /** Any task without seller knowledge is a summary: the client's own lines, shortened, oldest first. */
    private static Completion summarize(Prompt prompt) {
        List<String> clientLines = prompt.turns().stream()
                .filter(t -> t.role() == Prompt.Role.USER && t.text().startsWith("Client: "))
                .map(t -> t.text().substring("Client: ".length()).strip())
                .map(t -> t.length() > 200 ? t.substring(0, 200) + "…" : t)
                .toList();
        String summary = clientLines.isEmpty() ? "The client has not said what they need yet."
                : "The client wrote: " + String.join(" / ", clientLines) + " They are waiting for the seller's answer.";
        int input = words(prompt.system()) + prompt.turns().stream().mapToInt(t -> words(t.text())).sum();
        return new Completion(summary, "end_turn", new Completion.TokenUsage(input, words(summary)));
    }

    private static String languageOf(String system) {
        for (String line : system.split("\n")) {
            if (line.startsWith(PromptBuilder.LANGUAGE_PREFIX)) {
                return line.substring(PromptBuilder.LANGUAGE_PREFIX.length()).trim();
            }
        }
        return "en";
    }

    private static List<String> knowledge(String system) {
        List<String> lines = new ArrayList<>();
        boolean inKnowledge = false;
        for (String line : system.split("\n")) {
            if (line.equals(PromptBuilder.KNOWLEDGE_HEADER)) {
                inKnowledge = true;
            } else if (inKnowledge && line.startsWith("- ")) {
                lines.add(line.substring(2));
            }
        }
        return lines;
    }

    /**
     * Scores each knowledge line ("Q: question A: answer") by the words it shares with the client's
     * text, a word of the entry's question weighing more than one of its answer (PA-KB-4: the entry
     * whose question the client asks wins), and by topic cues; answers with the best scores come back,
     * ties in knowledge order. Lines that offer discounts or custom offers are never used (PA-FAQ-3).
     */
    static List<String> bestFacts(List<String> facts, String question) {
        String q = question.toLowerCase(Locale.ROOT);
        Set<String> questionWords = wordSet(q);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            String fact = facts.get(i);
            int split = fact.startsWith("Q: ") ? fact.indexOf(" A: ") : -1;
            String entryQuestion = split < 0 ? "" : fact.substring(3, split).toLowerCase(Locale.ROOT);
            String answer = split < 0 ? fact : fact.substring(split + 4);
            if (answer.isBlank() || ReplyPolicy.offers(answer)) {
                continue;
            }
            int score = 4 * shared(wordSet(entryQuestion), questionWords) + 2 * shared(wordSet(answer.toLowerCase(Locale.ROOT)), questionWords);
            String f = fact.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, List<String>> topic : TOPIC_CUES.entrySet()) {
                if (f.contains(topic.getKey()) && topic.getValue().stream().anyMatch(q::contains)) {
                    score += 3;
                }
            }
            if (score > 0) {
                scored.add(new Scored(answer.strip(), score, i));
            }
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::order))
                .limit(MAX_FACTS).map(s -> s.fact().matches("(?s).*[.!?。！？]$") ? s.fact() : s.fact() + ".").toList();
    }

    /** Words of more than three letters, not stop words, that match exactly or as a close inflection ("weekend"/"weekends"). */
    private static int shared(Set<String> words, Set<String> questionWords) {
        int count = 0;
        for (String word : words) {
            if (word.length() <= 3 || STOP_WORDS.contains(word)) {
                continue;
            }
            for (String other : questionWords) {
                if (other.length() > 3 && (other.equals(word) || inflection(word, other))) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static boolean inflection(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        return longer.length() - shorter.length() <= 2 && longer.startsWith(shorter);
    }

    private record Scored(String fact, int score, int order) {}

    private static Set<String> wordSet(String text) {
        return new HashSet<>(List.of(text.split("[^\\p{L}\\p{N}]+")));
    }

    private static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
