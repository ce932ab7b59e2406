package app.go.domain.knowledge;

import app.go.domain.port.KnowledgeRetriever;
import app.go.domain.port.KnowledgeStore;
import app.go.domain.port.TextEmbedder;
import app.go.support.log.Log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The deployed {@link KnowledgeRetriever}: the client's message is embedded (one model call) and the
 * entries are ranked by cosine against the vectors stored when the knowledge was saved
 * ({@link KnowledgeIndex}). An entry of the conversation's service wins a close call. An entry
 * whose vector is missing (saved before vectors were kept, or an index write that failed) is
 * embedded here and stored, so it is ranked like the others; nothing falls back to the lexical ranker.
 */
public final class EmbeddingRetriever implements KnowledgeRetriever {
    /** Added to the cosine of an entry about the conversation's service. */
    static final double SERVICE_BONUS = 0.05;
    private static final Log LOG = Log.get(EmbeddingRetriever.class);

    private final TextEmbedder embedder;
    private final KnowledgeStore store;

    public EmbeddingRetriever(TextEmbedder embedder, KnowledgeStore store) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<KnowledgeEntry> retrieve(String sellerId, String clientText, String serviceId, List<KnowledgeEntry> entries,
                                         Map<String, byte[]> vectors, int limit) {
        if (entries.isEmpty() || limit <= 0) {
            return List.of();
        }
        float[] query = embedder.embed(clientText);
        Map<String, byte[]> missing = new HashMap<>();
        record Scored(KnowledgeEntry entry, double score) {}
        List<Scored> scored = new ArrayList<>(entries.size());
        for (KnowledgeEntry entry : entries) {
            String key = EmbeddingVectors.key(EmbeddingVectors.text(entry));
            byte[] vector = vectors.get(key);
            if (vector == null) {
                vector = missing.computeIfAbsent(key, k -> EmbeddingVectors.quantize(embedder.embed(EmbeddingVectors.text(entry))));
            }
            double bonus = serviceId != null && serviceId.equals(entry.serviceId()) ? SERVICE_BONUS : 0;
            scored.add(new Scored(entry, EmbeddingVectors.cosine(query, vector) + bonus));
        }
        if (!missing.isEmpty()) {
            LOG.warn("knowledge vectors were missing; embedded now", "sellerId", sellerId, "count", missing.size());
            store.saveVectors(sellerId, missing, Set.of());
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(limit)
                .map(Scored::entry).toList();
    }
}
