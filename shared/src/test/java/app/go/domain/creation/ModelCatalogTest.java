package app.go.domain.creation;

import app.go.support.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static app.go.domain.creation.GenerationFixture.CLIENT;
import static app.go.domain.creation.GenerationFixture.SELLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelCatalogTest {
    private final GenerationFixture f = new GenerationFixture();
    private final ModelCatalog catalog = new ModelCatalog(f.models, sellerId -> true);

    private List<String> listed(Optional<ModelCatalog.Placement> placement) {
        return catalog.published(SELLER, placement).stream().map(Model::id).toList();
    }

    private void show(String modelId, boolean services, boolean profile) {
        Model model = f.models.model(SELLER, modelId).orElseThrow();
        f.models.updateModelSettings(model.withVisibility(services, profile, f.clock.instant()));
    }

    @Test
    @DisplayName("CM-MOD-5 a new model is shown on services and profile; the listing follows the seller's choice per placement")
    void listingHonoursVisibility() {
        f.readyModel("mdl_2", true, true);
        f.readyModel("mdl_draft", false, true);
        f.readyModel("mdl_inactive", true, false);
        assertEquals(List.of("mdl_1", "mdl_2"), listed(Optional.empty()), "unpublished and inactive models are not listed");
        assertEquals(List.of("mdl_1", "mdl_2"), listed(Optional.of(ModelCatalog.Placement.SERVICES)));

        show("mdl_1", false, true);
        show("mdl_2", true, false);
        assertEquals(List.of("mdl_2"), listed(Optional.of(ModelCatalog.Placement.SERVICES)));
        assertEquals(List.of("mdl_1"), listed(Optional.of(ModelCatalog.Placement.PROFILE)));

        show("mdl_2", false, false);
        assertEquals(List.of("mdl_1"), listed(Optional.empty()), "a hidden model is listed nowhere");
        assertEquals(List.of(), new ModelCatalog(f.models, sellerId -> false).published(SELLER, Optional.empty()),
                "a seller without the Creation Model lists nothing");
    }

    @Test
    @DisplayName("CM-MOD-5 a hidden model cannot be generated from: 409 MODEL_HIDDEN, nothing queued; shown again, it generates")
    void hiddenModelRefusesGenerations() {
        show("mdl_1", false, false);
        DomainException refused = assertThrows(DomainException.class, () -> f.service.request(CLIENT, "mdl_1", "a rose", 1));
        assertEquals(ModelCatalog.MODEL_HIDDEN, refused.code());
        assertEquals(DomainException.Kind.CONFLICT, refused.kind());
        assertEquals(0, f.queue.drain().size());

        show("mdl_1", false, true);
        assertEquals(GenerationStatus.PENDING, f.service.request(CLIENT, "mdl_1", "a rose", 1).status());
    }
}
