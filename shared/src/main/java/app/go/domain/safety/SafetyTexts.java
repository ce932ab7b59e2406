package app.go.domain.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The assistant's own words when a rule takes something out or says no, per language ({@code safety/replies.txt}). */
public final class SafetyTexts {
    public enum Kind { PRICE, ORDER, CONTACT, PAYMENT, OFF_PLATFORM, EMPTY }

    public static final String DEFAULT_LANGUAGE = "en";
    private static final Map<Kind, Map<String, String>> TEXTS = load();

    private SafetyTexts() {}

    /** The text in {@code language}, or in English when there is none in it. */
    public static String text(Kind kind, String language) {
        Map<String, String> byLanguage = TEXTS.get(kind);
        return byLanguage.getOrDefault(language == null ? DEFAULT_LANGUAGE : language, byLanguage.get(DEFAULT_LANGUAGE));
    }

    public static Map<String, String> all(Kind kind) {
        return Map.copyOf(TEXTS.get(kind));
    }

    static Kind forConcern(ContentRules.Concern concern) {
        return switch (concern) {
            case CONTACT, PERSONAL_DATA -> Kind.CONTACT;
            case PAYMENT -> Kind.PAYMENT;
            case ORDER -> Kind.ORDER;
            case OFFER, UNLISTED_PRICE -> Kind.PRICE;
        };
    }

    private static Map<Kind, Map<String, String>> load() {
        Map<Kind, Map<String, String>> texts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            texts.put(kind, new HashMap<>());
        }
        try (InputStream in = SafetyTexts.class.getResourceAsStream("/safety/replies.txt")) {
            if (in == null) {
                throw new IllegalStateException("safety/replies.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                texts.get(Kind.valueOf(parts[0])).put(parts[1], parts[2].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Kind kind : Kind.values()) {
            if (!texts.get(kind).containsKey(DEFAULT_LANGUAGE)) {
                throw new IllegalStateException("safety/replies.txt has no " + kind + " text in English");
            }
        }
        return texts;
    }
}
