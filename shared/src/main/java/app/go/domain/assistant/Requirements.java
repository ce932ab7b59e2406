package app.go.domain.assistant;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * PA-BEH-1: the client's requirements gathered so far, each in the client's own words, and those
 * still missing. A requirement is either gathered or missing, never both.
 */
public record Requirements(Map<Requirement, String> gathered, Set<Requirement> missing) {
    public static final Requirements NONE = new Requirements(Map.of(), EnumSet.allOf(Requirement.class));

    public Requirements {
        EnumMap<Requirement, String> words = new EnumMap<>(Requirement.class);
        if (gathered != null) {
            gathered.forEach((requirement, text) -> {
                if (requirement != null && text != null && !text.isBlank()) {
                    words.put(requirement, text.strip());
                }
            });
        }
        EnumSet<Requirement> open = EnumSet.noneOf(Requirement.class);
        if (missing != null) {
            open.addAll(missing);
        }
        open.removeAll(words.keySet());
        gathered = Collections.unmodifiableMap(words);
        missing = Collections.unmodifiableSet(open);
    }

    /** Everything not gathered is missing. */
    public static Requirements of(Map<Requirement, String> gathered) {
        return new Requirements(gathered, EnumSet.allOf(Requirement.class));
    }
}
