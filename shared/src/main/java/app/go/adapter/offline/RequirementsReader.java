package app.go.adapter.offline;

import app.go.domain.assistant.NormalizedText;
import app.go.domain.assistant.Requirement;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PA-BEH-1: reads the client's requirements from everything they wrote in the conversation, each
 * kept in the client's own words (the clause that gives it), so nothing they already said is asked again.
 */
final class RequirementsReader {
    /** What the client gave so far, and which requirements the current message gave for the first time. */
    record Read(Map<Requirement, String> gathered, Set<Requirement> newInThisMessage) {}

    private static final Pattern CLAUSES = Pattern.compile("(?<=[.,;!?。，、！？；])\\s*|\\s+(?:and|y|et|und|e|en|i|och|ve|и|і|و|dan|và)\\s+");
    private static final Pattern SIZE = Pattern.compile("\\d+(?:[.,]\\d+)?\\s?(?:cm|mm|inch|inches|in\\b|\"|см|厘米|公分|センチ|센티|سم)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern AMOUNT = Pattern.compile("\\d");
    private static final List<String> FACT_TOPICS = List.of("price", "delivery", "revisions", "includes");

    private final Understanding understanding;

    RequirementsReader(Understanding understanding) {
        this.understanding = understanding;
    }

    Read read(List<String> earlier, String current) {
        Map<Requirement, String> gathered = new EnumMap<>(Requirement.class);
        for (String text : earlier) {
            fromMessage(text).forEach(gathered::putIfAbsent);
        }
        Set<Requirement> fresh = EnumSet.noneOf(Requirement.class);
        for (Map.Entry<Requirement, String> found : fromMessage(current).entrySet()) {
            if (gathered.putIfAbsent(found.getKey(), found.getValue()) == null) {
                fresh.add(found.getKey());
            }
        }
        return new Read(Collections.unmodifiableMap(gathered), Collections.unmodifiableSet(fresh));
    }

    private Map<Requirement, String> fromMessage(String message) {
        Map<Requirement, String> found = new EnumMap<>(Requirement.class);
        String[] clauses = CLAUSES.split(message == null ? "" : message.strip());
        boolean asksAboutFacts = asksAboutFacts(NormalizedText.of(message));
        for (Requirement requirement : Requirement.values()) {
            for (String clause : clauses) {
                if (!clause.isBlank() && gives(requirement, NormalizedText.of(clause), clause, asksAboutFacts)) {
                    found.put(requirement, clause.strip());
                    break;
                }
            }
        }
        return found;
    }

    /** A question about prices, delivery or the packages names a service without describing a project. */
    private boolean asksAboutFacts(NormalizedText message) {
        return FACT_TOPICS.stream().anyMatch(topic -> understanding.topics.has(topic, message))
                || message.text().endsWith("?") || message.text().endsWith("？") || message.text().endsWith("؟");
    }

    private boolean gives(Requirement requirement, NormalizedText text, String clause, boolean asksAboutFacts) {
        String concept = requirement.key();
        return understanding.requirements.has(concept, text, (special, t) -> switch (special) {
            case "#size" -> SIZE.matcher(t.text()).find();
            case "#service" -> !asksAboutFacts && understanding.serviceKinds.concepts().stream().anyMatch(kind -> understanding.serviceKinds.has(kind, t));
            default -> false;
        }) && (requirement != Requirement.BUDGET || AMOUNT.matcher(clause).find() || text.contains("budget*"));
    }
}
