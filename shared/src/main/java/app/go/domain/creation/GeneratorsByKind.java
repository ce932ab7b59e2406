package app.go.domain.creation;

import app.go.domain.port.AssetGenerationException;
import app.go.domain.port.AssetGenerator;

import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link AssetGenerator} per media kind, as a deployment configures them; a kind without one is
 * {@link AssetGenerationException.Reason#NOT_CONFIGURED} (CM-GEN-8: refused, never a placeholder).
 */
public final class GeneratorsByKind implements AssetGenerator {
    private final Map<MediaKind, AssetGenerator> generators;
    private final Subcategories subcategories;

    public GeneratorsByKind(Map<MediaKind, AssetGenerator> generators, Subcategories subcategories) {
        this.generators = generators.isEmpty() ? Map.of() : new EnumMap<>(generators);
        this.subcategories = subcategories;
    }

    @Override
    public boolean supports(MediaKind kind) {
        return generators.containsKey(kind);
    }

    @Override
    public GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units) {
        return generate(model, styleProfileJson, prompt, units, null);
    }

    @Override
    public GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units, ImageSize size) {
        MediaKind kind = subcategories.require(model.subcategory()).mediaKind();
        AssetGenerator generator = generators.get(kind);
        if (generator == null) {
            throw new AssetGenerationException(AssetGenerationException.Reason.NOT_CONFIGURED,
                    "this deployment has no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " generator configured");
        }
        return generator.generate(model, styleProfileJson, prompt, units, size);
    }
}
