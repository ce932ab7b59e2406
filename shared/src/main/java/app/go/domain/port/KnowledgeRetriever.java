package app.go.domain.port;

import app.go.domain.knowledge.KnowledgeEntry;

import java.util.List;
import java.util.Map;

/**
 * Issue 7, bounded prompts: the knowledge entries one client message is answered from, at most
 * {@code limit} of them, best first, with the entries of the service the conversation is about
 * preferred, so the prompt does not grow with the seller's knowledge base.
 */
public interface KnowledgeRetriever {

    /**
     * @param serviceId the conversation's service, or null
     * @param entries   every entry the assistant may answer from
     * @param vectors   the stored vectors of the entries' texts ({@link KnowledgeStore#snapshot}); ignored by a lexical ranker
     */
    List<KnowledgeEntry> retrieve(String sellerId, String clientText, String serviceId, List<KnowledgeEntry> entries,
                                  Map<String, byte[]> vectors, int limit);
}
