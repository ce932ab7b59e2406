package app.go.domain.assistant;

import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PA-BEH-3: reads, from the client's own words, the reasons to call the seller in, with the cues of
 * one multilingual resource ({@value #RESOURCE}). A reason applies when every concept of one of its
 * rules occurs; a concept occurs when one of its phrases, in any language, occurs on word
 * boundaries of the normalized text ({@link NormalizedText}), never as a substring of a word.
 */
public final class HandoffCueClassifier {
    static final String RESOURCE = "/assistant/handoff-cues.json";
    private static final String SELLER = "{seller}";
    /** A count of ten or more of something, not a size, a duration, a price ("15만원", "5000 rupees") or a year. */
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\d.,])(\\d{2,5}|\\d{1,3}[.,]\\d{3})(?![\\d.,]*\\s?(?:cm|mm|m\\b|in\\b|inch|%|€|\\$|£|¥|usd|eur|dollar|euro|dól|dol|доллар|долар|руб|грн|zł|kr\\b|sek|tl\\b|lira|₺|₽|₴|₹|rs\\b|rp|元|块|円|원|dollari|reais|r\\$|day|día|dia|tag|jour|giorn|dni|gün|дн|день|日|天|일|year|años|jahr|an\\b|hour|hora|stund|heure|h\\b|min|dpi|px|k\\b|x\\d|th\\b|st\\b|nd\\b|rd\\b|er\\b|e\\b|\\.|º|ª|日|号|일|月"
                    + "|\\s?(?:厘米|公分|毫米|センチ|ミリ|센티|밀리|см|мм|سم|ملم|सेमी|मिमी|rupee|रुप|rs\\.|inr|won|원|만|万|千|천|yen|yuan|円|₩|₫|vnd|đ\\b|dong|idr|ribu|rb\\b|juta|bin\\b|тыс|тис|k\\b|mil\\b|mille|tausend|duizend|tysi|hazar|हज़ार|हजार|lakh|लाख)"
                    + "|\\s?(?:de\\s|of\\s|du\\s)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic|mai|juin|juil|août|déc|okt|dez|gen|mag|giu|lug|set|ott)))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final HandoffCueClassifier DEFAULT = load();

    private final Map<HandoffReason, List<List<String>>> rules;
    private final CueBook concepts;
    private final CueBook deliverables;

    private HandoffCueClassifier(Map<HandoffReason, List<List<String>>> rules, CueBook concepts, CueBook deliverables) {
        this.rules = rules;
        this.concepts = concepts;
        this.deliverables = deliverables;
    }

    /** The classifier of the project's cue resource (loaded once per container). */
    public static HandoffCueClassifier standard() {
        return DEFAULT;
    }

    /** The reasons the client's text gives; {@code sellerName} is the seller's display name. */
    public Set<HandoffReason> reasons(String clientText, String sellerName) {
        NormalizedText text = NormalizedText.of(clientText);
        Set<String> present = concepts.present(text, (special, t) -> switch (special) {
            case SELLER -> mentionsName(t, sellerName);
            case "#many" -> manyItems(t.text());
            case "#deliverables" -> distinctDeliverables(t) >= 3;
            case "#manyDeliverables" -> distinctDeliverables(t) >= 4;
            default -> throw new IllegalStateException("unknown cue " + special);
        });
        Set<HandoffReason> reasons = EnumSet.noneOf(HandoffReason.class);
        rules.forEach((reason, alternatives) -> {
            if (alternatives.stream().anyMatch(present::containsAll)) {
                reasons.add(reason);
            }
        });
        return reasons;
    }

    /** The deterministic floor: the client explicitly asks for the seller or a human. */
    public boolean asksForSeller(String clientText, String sellerName) {
        return reasons(clientText, sellerName).contains(HandoffReason.ASKED_FOR_SELLER);
    }

    private long distinctDeliverables(NormalizedText text) {
        return deliverables.concepts().stream().filter(kind -> deliverables.has(kind, text)).count();
    }

    /** The seller's first name, alone or with a case ending of up to two letters ("Anas", "Aną"). */
    private static boolean mentionsName(NormalizedText text, String sellerName) {
        String name = NormalizedText.normalize(sellerName).split(" ")[0];
        return name.length() >= 2 && text.containsWord(name, 2);
    }

    static boolean manyItems(String text) {
        Matcher quantity = QUANTITY.matcher(text);
        while (quantity.find()) {
            long value = Long.parseLong(quantity.group(1).replaceAll("[.,]", ""));
            boolean year = value >= 1900 && value <= 2100 && quantity.group(1).length() == 4;
            if (value >= 10 && !year) {
                return true;
            }
        }
        return false;
    }

    static HandoffCueClassifier load() {
        try (InputStream in = HandoffCueClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = Json.MAPPER.readTree(in);
            Map<HandoffReason, List<List<String>>> rules = new EnumMap<>(HandoffReason.class);
            root.get("rules").fields().forEachRemaining(rule -> {
                List<List<String>> alternatives = new ArrayList<>();
                rule.getValue().forEach(all -> {
                    List<String> names = new ArrayList<>();
                    all.forEach(c -> names.add(c.asText()));
                    alternatives.add(names);
                });
                rules.put(HandoffReason.valueOf(rule.getKey()), alternatives);
            });
            return new HandoffCueClassifier(rules, new CueBook(root.get("concepts")), new CueBook(root.get("deliverables")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
