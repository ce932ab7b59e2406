package app.go.domain.creation;

import app.go.domain.port.AssetGenerationException;
import app.go.domain.port.AssetGenerator;
import app.go.support.errors.DomainException;

/** CM-GEN-8 at the API: a kind without a configured generator is refused before anything is queued or charged. */
final class GeneratorAvailability {
    static final String NOT_CONFIGURED = "GENERATOR_NOT_CONFIGURED";

    private GeneratorAvailability() {}

    static void require(boolean supported, MediaKind kind) {
        if (!supported) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, NOT_CONFIGURED,
                    "this deployment has no " + kind.name().toLowerCase(java.util.Locale.ROOT)
                            + " generator configured; it never sells placeholder output");
        }
    }

    /** A synchronous generation (the playground): a refusal is a 422 with its reason, an outage a 503. */
    static GeneratedAsset generate(AssetGenerator generator, Model model, byte[] profile, String prompt, int units) {
        try {
            return generator.generate(model, profile, prompt, units);
        } catch (AssetGenerationException e) {
            throw switch (e.reason()) {
                case REFUSED -> new DomainException(DomainException.Kind.RULE, "GENERATION_REFUSED", e.getMessage());
                case NOT_CONFIGURED -> new DomainException(DomainException.Kind.UNAVAILABLE, NOT_CONFIGURED, e.getMessage());
                case UNAVAILABLE -> new DomainException(DomainException.Kind.UNAVAILABLE, "GENERATOR_UNAVAILABLE",
                        e.getMessage());
            };
        }
    }
}
