package app.go.domain.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the seller saved: their entries (a GENERATED one stands for the generated entry with that
 * id, read fresh each time, so a changed price shows at once) and the generated ids that existed
 * at the save, so an entry the seller removed stays removed while entries of new services appear.
 */
public record SavedKnowledge(List<KnowledgeEntry> entries, Set<String> generatedIdsSeen, Instant savedAt) {
    public SavedKnowledge {
        entries = List.copyOf(entries);
        generatedIdsSeen = Set.copyOf(generatedIdsSeen);
    }
}
