package app.go.domain.seller;

import java.util.List;

/** A service (gig) with its packages and FAQ: PA-SRC-1's second source. */
public record SellerService(String serviceId, String title, String description, String subcategory,
                            List<ServicePackage> packages, List<Faq> faq) {

    public SellerService {
        packages = packages == null ? List.of() : List.copyOf(packages);
        faq = faq == null ? List.of() : List.copyOf(faq);
    }

    public record ServicePackage(String name, long priceCents, int deliveryDays, int revisions, String description) {}

    public record Faq(String question, String answer) {}
}
