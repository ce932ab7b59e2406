package app.go.domain.assistant;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Message;
import app.go.domain.seller.SellerProfile;
import app.go.support.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PA-BEH-5: the brief the seller gets when a conversation is handed over, written from the
 * conversation's structured turns ({@link TurnRecord}), never from reply text: what the client wants,
 * each requirement gathered with the client's own words quoted, what is still missing, the client's
 * language, the questions left open, and why the assistant handed over. It is written in the seller's
 * language and, when the client writes another one, in the client's too.
 *
 * <p>The seller's language is the first language of their public profile (PA-SRC-1: the seller chose
 * it; a time zone says nothing about the language someone reads), English without one.
 */
public record HandoffBrief(String wants, List<Quote> requirements, List<String> missing, String clientLanguage,
                           String sellerLanguage, List<String> openQuestions, List<String> handoffReasons,
                           Map<String, String> texts) {
    static final String RESOURCE = "/assistant/brief.json";
    private static final Map<String, Map<String, String>> PHRASES = load();
    private static final String SEPARATOR = "\n\n";

    /** One requirement gathered, in the client's own words, and the message that gave it first. */
    public record Quote(String requirement, String quote, String messageId) {}

    public HandoffBrief {
        requirements = List.copyOf(requirements);
        missing = List.copyOf(missing);
        openQuestions = List.copyOf(openQuestions);
        handoffReasons = List.copyOf(handoffReasons);
        texts = Map.copyOf(new LinkedHashMap<>(texts));
    }

    /** The brief as one text: the seller's language first, then the client's if it differs. */
    public String text() {
        String seller = texts.get(sellerLanguage);
        String client = texts.get(clientLanguage);
        return client == null || clientLanguage.equals(sellerLanguage) ? seller : seller + SEPARATOR + client;
    }

    /**
     * @param turns    the conversation's stored turns, oldest first
     * @param messages the conversation's messages, oldest first (for questions nobody answered)
     * @param reasons  why the seller is called in
     */
    public static HandoffBrief write(List<TurnRecord> turns, List<Message> messages, Collection<HandoffReason> reasons,
                                     Optional<SellerProfile> profile) {
        Map<Requirement, Quote> quotes = new LinkedHashMap<>();
        for (TurnRecord turn : turns) {
            turn.gathered().forEach((requirement, words) -> quotes.putIfAbsent(requirement,
                    new Quote(requirement.key(), words, turn.messageId())));
        }
        List<Quote> gathered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Requirement requirement : Requirement.values()) {
            if (quotes.containsKey(requirement)) {
                gathered.add(quotes.get(requirement));
            } else {
                missing.add(requirement.key());
            }
        }
        List<Message> clientMessages = messages.stream().filter(m -> m.author() == Author.CLIENT).toList();
        String wants = quotes.containsKey(Requirement.WHAT) ? quotes.get(Requirement.WHAT).quote()
                : clientMessages.isEmpty() ? "" : clientMessages.get(0).text().strip();
        String clientLanguage = turns.isEmpty()
                ? LanguageDetector.detect(clientMessages.isEmpty() ? "" : clientMessages.get(clientMessages.size() - 1).text())
                : AssistantPhrases.primary(turns.get(turns.size() - 1).language());
        String sellerLanguage = sellerLanguage(profile);
        List<String> open = openQuestions(turns, messages);
        List<String> reasonNames = reasons.stream().map(Enum::name).sorted().toList();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : new LinkedHashSet<>(List.of(sellerLanguage, clientLanguage))) {
            texts.put(language, render(language, wants, gathered, missing, clientLanguage, open, reasonNames));
        }
        return new HandoffBrief(wants, gathered, missing, clientLanguage, sellerLanguage, open, reasonNames, texts);
    }

    /** The seller's profile language as a BCP-47 primary tag ("German", "Deutsch" or "de" give "de"). */
    static String sellerLanguage(Optional<SellerProfile> profile) {
        return profile.flatMap(p -> p.languages().stream().findFirst()).map(HandoffBrief::languageCode)
                .orElse(LanguageDetector.DEFAULT);
    }

    static String languageCode(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(code);
            if (code.equals(wanted) || locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(wanted)
                    || locale.getDisplayLanguage(locale).toLowerCase(locale).equals(wanted)) {
                return code;
            }
        }
        return LanguageDetector.DEFAULT;
    }

    /**
     * Questions the assistant could not answer and client questions nobody (assistant or seller)
     * answered, in the client's words, oldest first.
     */
    static List<String> openQuestions(List<TurnRecord> turns, List<Message> messages) {
        Set<String> open = new LinkedHashSet<>();
        turns.stream().filter(TurnRecord::couldNotAnswer).forEach(t -> open.add(t.clientText().strip()));
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            boolean answered = messages.subList(i + 1, messages.size()).stream().anyMatch(m -> m.author() != Author.CLIENT);
            if (message.author() == Author.CLIENT && !answered && looksLikeQuestion(message.text())) {
                open.add(message.text().strip());
            }
        }
        return List.copyOf(open);
    }

    private static boolean looksLikeQuestion(String text) {
        return text.contains("?") || text.contains("？") || text.contains("؟");
    }

    private static String render(String language, String wants, List<Quote> gathered, List<String> missing,
                                 String clientLanguage, List<String> open, List<String> reasons) {
        List<String> lines = new ArrayList<>();
        lines.add(phrase(language, "title", Map.of()));
        if (!wants.isBlank()) {
            lines.add(phrase(language, "wants", Map.of("quote", quoted(wants))));
        }
        if (!gathered.isEmpty()) {
            lines.add(phrase(language, "gathered", Map.of()));
            gathered.forEach(q -> lines.add("- " + phrase(language, "req." + q.requirement(), Map.of()) + ": " + quoted(q.quote())));
        }
        lines.add(missing.isEmpty() ? phrase(language, "nothingMissing", Map.of())
                : phrase(language, "missing", Map.of("list", String.join(", ",
                        missing.stream().map(m -> phrase(language, "req." + m, Map.of())).toList()))));
        Locale client = Locale.forLanguageTag(clientLanguage);
        lines.add(phrase(language, "language", Map.of("language",
                client.getDisplayLanguage(Locale.forLanguageTag(language)) + " (" + clientLanguage + ")")));
        if (!open.isEmpty()) {
            lines.add(phrase(language, "openQuestions", Map.of()));
            open.forEach(q -> lines.add("- " + quoted(q)));
        }
        if (!reasons.isEmpty()) {
            lines.add(phrase(language, "why", Map.of("list", String.join("; ",
                    reasons.stream().map(r -> phrase(language, "reason." + r, Map.of())).toList()))));
        }
        return String.join("\n", lines);
    }

    private static String quoted(String words) {
        return "\"" + words.strip() + "\"";
    }

    /** A brief label or follow-up in {@code language}, English where the language has none. */
    static String phrase(String language, String key, Map<String, String> values) {
        Map<String, String> phrases = PHRASES.getOrDefault(AssistantPhrases.primary(language), PHRASES.get("en"));
        String text = phrases.getOrDefault(key, PHRASES.get("en").get(key));
        if (text == null) {
            throw new IllegalArgumentException("no phrase " + key);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = HandoffBrief.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> raw = Json.MAPPER.readValue(in, new TypeReference<Map<String, Object>>() {});
            raw.remove("_about");
            return Json.MAPPER.convertValue(raw, new TypeReference<Map<String, Map<String, String>>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
