package app.go.adapter.offline;

import app.go.domain.assistant.AssistantPhrases;
import app.go.domain.assistant.LocalizedMoney;
import app.go.domain.assistant.NormalizedText;
import app.go.domain.port.ReplyContext;
import app.go.domain.seller.SellerService;
import app.go.domain.seller.SellerService.ServicePackage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers questions about the packages: the price, delivery time, revisions or contents of the
 * package the client names (as the seller wrote it, or its tier in the client's words: "básico",
 * "高级版"), of the service the client names or the conversation is about; a price question naming
 * no package gets the cheapest one. Amounts are in the client's locale format.
 */
final class PackageAnswers {
    private static final List<String> PACKAGE_TOPICS = List.of("price", "delivery", "revisions", "includes");

    private final Understanding understanding;

    PackageAnswers(Understanding understanding) {
        this.understanding = understanding;
    }

    boolean asksAboutPackages(NormalizedText text, Set<String> topics) {
        return PACKAGE_TOPICS.stream().anyMatch(topics::contains) || !tiers(text).isEmpty();
    }

    /** The client names a package or asks for a price: package facts are wanted even beside a knowledge answer. */
    boolean explicit(NormalizedText text, Set<String> topics) {
        return topics.contains("price") || !tiers(text).isEmpty();
    }

    List<String> answer(ReplyContext context, NormalizedText text, Set<String> topics, String language) {
        List<String> facts = new ArrayList<>();
        for (SellerService service : services(context, text)) {
            List<ServicePackage> named = named(service, text);
            boolean price = topics.contains("price");
            boolean delivery = topics.contains("delivery");
            boolean revisions = topics.contains("revisions");
            boolean includes = topics.contains("includes") || (!price && !delivery && !revisions);
            List<ServicePackage> chosen = !named.isEmpty() ? named
                    : price || includes ? cheapest(service) : service.packages();
            for (ServicePackage p : chosen) {
                Map<String, String> values = Map.of("package", p.name(), "service", service.title(),
                        "price", LocalizedMoney.format(p.priceCents(), language),
                        "days", LocalizedMoney.number(p.deliveryDays(), language),
                        "revisions", LocalizedMoney.number(p.revisions(), language),
                        "description", p.description() == null ? "" : p.description());
                if (includes && !price && !delivery && !revisions) {
                    facts.add(AssistantPhrases.text(language, "includes", values));
                    continue;
                }
                if (price) {
                    facts.add(AssistantPhrases.text(language, "price", values));
                }
                if (delivery) {
                    facts.add(AssistantPhrases.text(language, "delivery", values));
                }
                if (revisions) {
                    facts.add(AssistantPhrases.text(language, "revisions", values));
                }
                if (includes && (price || delivery || revisions) && topics.contains("includes")) {
                    facts.add(AssistantPhrases.text(language, "includes", values));
                }
            }
        }
        return facts;
    }

    /** The services the client names; else the conversation's; else all of them. */
    private List<SellerService> services(ReplyContext context, NormalizedText text) {
        List<SellerService> named = new ArrayList<>();
        for (SellerService service : context.services()) {
            NormalizedText own = NormalizedText.of(service.title() + " " + service.subcategory() + " " + service.serviceId());
            boolean mentioned = understanding.serviceKinds.concepts().stream()
                    .anyMatch(kind -> understanding.serviceKinds.has(kind, own) && understanding.serviceKinds.has(kind, text))
                    || text.contains(NormalizedText.normalize(service.title()));
            if (mentioned) {
                named.add(service);
            }
        }
        if (!named.isEmpty()) {
            return named;
        }
        return context.service().map(List::of).orElse(context.services());
    }

    /** The packages named by the seller's own name or by their tier in the client's language. */
    private List<ServicePackage> named(SellerService service, NormalizedText text) {
        Set<String> tiers = tiers(text);
        List<ServicePackage> named = new ArrayList<>();
        for (ServicePackage p : service.packages()) {
            NormalizedText name = NormalizedText.of(p.name());
            boolean byTier = tiers.stream().anyMatch(tier -> understanding.tiers.has(tier, name));
            if (byTier || text.contains(NormalizedText.normalize(p.name()))) {
                named.add(p);
            }
        }
        return named;
    }

    private Set<String> tiers(NormalizedText text) {
        return understanding.tiers.present(text, (s, t) -> false);
    }

    private static List<ServicePackage> cheapest(SellerService service) {
        return service.packages().stream().min(Comparator.comparingLong(ServicePackage::priceCents)).map(List::of).orElse(List.of());
    }
}
