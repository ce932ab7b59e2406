package app.go.shared.ai.offline;

import app.go.domain.assistant.PromptBuilder;
import app.go.shared.ai.Completion;
import app.go.shared.ai.LanguageModel;
import app.go.shared.ai.Prompt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic model for running without a network: it reads the same prompt Bedrock gets,
 * retrieves the knowledge lines that best match the client's question, and answers from templates
 * in the reply language, always asking for the requirements still missing (PA-BEH-1).
 */
public final class OfflineLanguageModel implements LanguageModel {
    private static final int MAX_FACTS = 2;

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
        StringBuilder reply = new StringBuilder(template[0]);
        if (!facts.isEmpty()) {
            reply.append(' ').append(template[1]).append(' ').append(String.join(" ", facts));
        }
        reply.append(' ').append(template[2]);
        int input = words(prompt.system()) + prompt.turns().stream().mapToInt(t -> words(t.text())).sum();
        return new Completion(reply.toString(), "end_turn", new Completion.TokenUsage(input, words(reply.toString())));
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

    /** Scores each fact by shared words and by topic cues; ties keep the knowledge order. */
    static List<String> bestFacts(List<String> facts, String question) {
        String q = question.toLowerCase(Locale.ROOT);
        Set<String> questionWords = wordSet(q);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            String fact = facts.get(i);
            String f = fact.toLowerCase(Locale.ROOT);
            int score = 0;
            for (String word : wordSet(f)) {
                if (word.length() > 3 && questionWords.contains(word)) {
                    score += 2;
                }
            }
            for (Map.Entry<String, List<String>> topic : TOPIC_CUES.entrySet()) {
                if (f.contains(topic.getKey()) && topic.getValue().stream().anyMatch(q::contains)) {
                    score += 3;
                }
            }
            if (score > 0) {
                scored.add(new Scored(fact, score, i));
            }
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::order))
                .limit(MAX_FACTS).map(s -> s.fact().endsWith(".") ? s.fact() : s.fact() + ".").toList();
    }

    private record Scored(String fact, int score, int order) {}

    private static Set<String> wordSet(String text) {
        return new HashSet<>(List.of(text.split("[^\\p{L}\\p{N}]+")));
    }

    private static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
