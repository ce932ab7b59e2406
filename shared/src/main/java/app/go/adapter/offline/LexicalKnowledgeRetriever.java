package app.go.adapter.offline;

import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.port.KnowledgeRetriever;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The offline {@link KnowledgeRetriever}: the lexical ranker of the offline model (shared-lexicon
 * concepts and BM25), network-free and deterministic. Entries that share nothing with the message
 * are not retrieved. The conversation's service needs no preference here: its packages and FAQ
 * reach the model with the service itself.
 */
public final class LexicalKnowledgeRetriever implements KnowledgeRetriever {
    private final LexicalKnowledgeRanker ranker = new LexicalKnowledgeRanker(Understanding.STANDARD);

    @Override
    public List<KnowledgeEntry> retrieve(String sellerId, String clientText, String serviceId, List<KnowledgeEntry> entries,
                                         Map<String, byte[]> vectors, int limit) {
        // every service counts as "about" here, so the ranker's tie-break does not drop entries the model may prefer
        Set<String> services = entries.stream().map(KnowledgeEntry::serviceId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return ranker.rank(clientText, entries, services).stream().limit(limit).map(LexicalKnowledgeRanker.Scored::entry).toList();
    }
}
