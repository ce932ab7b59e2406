package app.go.domain.assistant;

import app.go.domain.conversation.Message;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.KnowledgeGenerator;
import app.go.domain.knowledge.KnowledgeService;
import app.go.domain.knowledge.ToneProfile;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.port.SellerStore;
import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.safety.ReplyPolicy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the assistant's answer the one way both real replies and tries (PA-LIM-1) use: the
 * seller's knowledge and tone (PA-KB-2: read at every reply, so saved changes apply at once), the
 * fixed rules, the model, then the one output policy (PA-SAFE-1, PA-KB-5, PA-FAQ-3: price, offer,
 * contact and payment rules hold in code, whatever the model wrote).
 */
final class ReplyWriter {
    record Written(String text, String language, Completion.TokenUsage usage) {}

    private final SellerStore sellers;
    private final LanguageModel model;
    /** Null answers from the generated knowledge only. */
    private final KnowledgeService knowledge;

    ReplyWriter(SellerStore sellers, LanguageModel model, KnowledgeService knowledge) {
        this.sellers = sellers;
        this.model = model;
        this.knowledge = knowledge;
    }

    Written write(String sellerId, AssistantSettings settings, List<Message> history, String clientText) {
        String language = LanguageDetector.detect(clientText);
        SellerProfile profile = sellers.profile(sellerId).orElse(new SellerProfile("the seller", null, List.of(), List.of()));
        List<SellerService> services = sellers.services(sellerId);
        List<KnowledgeEntry> entries = knowledge == null ? KnowledgeGenerator.generate(profile, services)
                : knowledge.entries(sellerId, profile, services);
        ToneProfile tone = knowledge == null ? ToneProfile.NONE : knowledge.tone(sellerId);
        Completion completion = model.complete(PromptBuilder.build(settings, profile, entries, tone, history, language));
        String text = ReplyPolicy.apply(completion.text(), language, packagePrices(services));
        return new Written(text, language, completion.usage());
    }

    private static Set<Long> packagePrices(List<SellerService> services) {
        return services.stream().flatMap(s -> s.packages().stream()).map(SellerService.ServicePackage::priceCents)
                .collect(Collectors.toSet());
    }
}
