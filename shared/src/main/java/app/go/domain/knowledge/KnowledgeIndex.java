package app.go.domain.knowledge;

import app.go.domain.port.KnowledgeStore;
import app.go.domain.port.TextEmbedder;
import app.go.support.log.Log;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one stored vector per text of the knowledge the assistant answers from: run after the
 * seller saves or restores the knowledge base and after a profile or service change (the generated
 * entries come from them). Only new texts are embedded; vectors of texts no entry has are removed.
 */
public final class KnowledgeIndex {
    private static final Log LOG = Log.get(KnowledgeIndex.class);

    private final TextEmbedder embedder;
    private final KnowledgeStore store;

    public KnowledgeIndex(TextEmbedder embedder, KnowledgeStore store) {
        this.embedder = embedder;
        this.store = store;
    }

    /** @return how many texts were embedded */
    public int update(String sellerId, List<KnowledgeEntry> entries) {
        Map<String, byte[]> stored = store.vectors(sellerId);
        Map<String, String> texts = new java.util.LinkedHashMap<>(); // in entry order: deterministic calls
        entries.forEach(e -> texts.putIfAbsent(EmbeddingVectors.key(EmbeddingVectors.text(e)), EmbeddingVectors.text(e)));
        Map<String, byte[]> added = new HashMap<>();
        texts.forEach((key, text) -> {
            if (!stored.containsKey(key)) {
                added.put(key, EmbeddingVectors.quantize(embedder.embed(text)));
            }
        });
        Set<String> removed = new HashSet<>(stored.keySet());
        removed.removeAll(texts.keySet());
        if (!added.isEmpty() || !removed.isEmpty()) {
            store.saveVectors(sellerId, added, removed);
        }
        LOG.info("knowledge vectors updated", "sellerId", sellerId, "embedded", added.size(), "removed", removed.size());
        return added.size();
    }
}
