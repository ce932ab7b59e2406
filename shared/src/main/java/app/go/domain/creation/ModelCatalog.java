package app.go.domain.creation;

import app.go.domain.port.CreationStore;
import app.go.support.errors.DomainException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * CM-MOD-5: what clients see of a seller's models, where the seller chose to show them. Listed are
 * only models a client could generate from right now (published, trained, priced, active, seller
 * subscribed) and shown on the asked placement; a model shown nowhere is hidden and refuses
 * generations ({@link #MODEL_HIDDEN}).
 */
public final class ModelCatalog {
    /** 409: the seller shows this model neither on services nor on the profile. */
    public static final String MODEL_HIDDEN = "MODEL_HIDDEN";

    public enum Placement { SERVICES, PROFILE }

    private final CreationStore models;
    private final Predicate<String> sellerSubscribed;

    public ModelCatalog(CreationStore models, Predicate<String> sellerSubscribed) {
        this.models = models;
        this.sellerSubscribed = sellerSubscribed;
    }

    /** The seller's listable models, oldest first; with a placement, only those shown there. */
    public List<Model> published(String sellerId, Optional<Placement> placement) {
        if (!sellerSubscribed.test(sellerId)) {
            return List.of();
        }
        Set<String> active = models.activeModelIds(sellerId);
        return models.models(sellerId).stream()
                .filter(m -> m.published() && m.status() == ModelStatus.READY && m.pricing() != null && active.contains(m.id()))
                .filter(m -> placement.map(p -> shownOn(m, p)).orElse(!m.hidden()))
                .sorted(Comparator.comparing(Model::createdAt).thenComparing(Model::id))
                .toList();
    }

    static boolean shownOn(Model model, Placement placement) {
        return placement == Placement.SERVICES ? model.onServices() : model.onProfile();
    }

    /** Refuses a generation from a model its seller shows nowhere. */
    static void requireShown(Model model) {
        if (model.hidden()) {
            throw new DomainException(DomainException.Kind.CONFLICT, MODEL_HIDDEN,
                    "the seller has hidden this model; it takes no generations");
        }
    }
}
