package app.go.domain.creation;

import app.go.domain.port.AssetGenerator;
import app.go.domain.port.CreationStore;
import app.go.domain.port.SellerStore;

import app.go.domain.port.BlobStore;
import app.go.support.errors.DomainException;

import java.time.Clock;
import java.util.Set;

/**
 * What a seller does with their models besides training them: activation (CM-MOD-1), visibility
 * (CM-MOD-5), text instructions (CM-AST-4), asset tags (CM-AST-5), pricing (CM-PRC-1/2),
 * publishing (CM-PUB-1) and the playground (CM-TRN-5, CM-GEN-2). Every model and asset is looked
 * up under the seller's own key, so another seller's id is "not found" (CM-MOD-4).
 */
public final class ModelManagement {
    /** CM-MOD-1. */
    public static final int MAX_ACTIVE_MODELS = 3;
    public static final int MAX_INSTRUCTIONS_CHARS = 4_000;
    public static final int MAX_PROMPT_CHARS = 2_000;
    /** Playground previews stay small: at most this many seconds of audio or words of text. */
    public static final int MAX_PREVIEW_SECONDS = 30;
    public static final int MAX_PREVIEW_WORDS = 300;

    private final CreationStore store;
    private final SellerStore sellers;
    private final BlobStore blobs;
    private final AssetGenerator generator;
    private final Subcategories subcategories;
    private final CreationPlan plan;
    private final Clock clock;
    private final TrainingTimeouts timeouts;

    public ModelManagement(CreationStore store, SellerStore sellers, BlobStore blobs, AssetGenerator generator,
                           Subcategories subcategories, CreationPlan.Lookup subscriptions, Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.blobs = blobs;
        this.generator = generator;
        this.subcategories = subcategories;
        this.plan = new CreationPlan(subscriptions, clock);
        this.clock = clock;
        this.timeouts = new TrainingTimeouts(store, sellers, clock);
    }

    public Model model(String sellerId, String modelId) {
        return timeouts.model(sellerId, modelId).orElseThrow(() -> DomainException.notFound("model"));
    }

    public Set<String> activeModelIds(String sellerId) {
        return store.activeModelIds(sellerId);
    }

    // ---- CM-MOD-1 ------------------------------------------------------------------------------

    /** A READY model becomes active unless 3 others are; activating an active model changes nothing. */
    public Model activate(String sellerId, String modelId) {
        Model model = model(sellerId, modelId);
        if (model.status() != ModelStatus.READY) {
            throw notReady(model);
        }
        if (!store.activateModel(sellerId, modelId, MAX_ACTIVE_MODELS)) {
            throw new DomainException(DomainException.Kind.RULE, "ACTIVE_MODEL_LIMIT",
                    "at most " + MAX_ACTIVE_MODELS + " models can be active at once; deactivate one first");
        }
        return model;
    }

    public Model deactivate(String sellerId, String modelId) {
        Model model = model(sellerId, modelId);
        store.deactivateModel(sellerId, modelId);
        return model;
    }

    // ---- settings ------------------------------------------------------------------------------

    /** CM-MOD-5: where clients see the model. */
    public Model setVisibility(String sellerId, String modelId, boolean onServices, boolean onProfile) {
        return saveSettings(model(sellerId, modelId).withVisibility(onServices, onProfile, clock.instant()));
    }

    /** CM-AST-4: what makes the seller's writing unique; required before a text model trains. */
    public Model setInstructions(String sellerId, String modelId, String text) {
        String instructions = text == null ? "" : text.strip();
        if (instructions.isEmpty() || instructions.length() > MAX_INSTRUCTIONS_CHARS) {
            throw DomainException.validation("text must be 1.." + MAX_INSTRUCTIONS_CHARS + " characters");
        }
        return saveSettings(model(sellerId, modelId).withInstructions(instructions, clock.instant()));
    }

    /** CM-PRC-1/2. Base-plus-increment counts in the unit of the model's media (words for text, seconds for audio). */
    public Model setPricing(String sellerId, String modelId, Pricing pricing) {
        Model model = model(sellerId, modelId);
        MediaKind kind = subcategories.require(model.subcategory()).mediaKind();
        if (pricing.type() == Pricing.Type.BASE_PLUS_INCREMENT) {
            Pricing.Unit expected = kind == MediaKind.AUDIO ? Pricing.Unit.SECONDS : kind == MediaKind.TEXT ? Pricing.Unit.WORDS : null;
            if (expected == null) {
                throw DomainException.validation("image models are priced PER_UNIT");
            }
            if (pricing.unit() != expected) {
                throw DomainException.validation(kind + " models count in " + expected);
            }
        }
        return saveSettings(model.withPricing(pricing, clock.instant()));
    }

    /** CM-PUB-1, ELIG-3: needs an eligible seller, an active CREATION_MODEL subscription, a READY model and a price. */
    public Model publish(String sellerId, String modelId) {
        Model model = model(sellerId, modelId);
        CreationPlan.requireEligible(sellers, sellerId);
        if (!plan.subscribed(sellerId)) {
            throw new DomainException(DomainException.Kind.RULE, "SUBSCRIPTION_REQUIRED",
                    "publishing a model requires the Creation Model subscription");
        }
        if (model.status() != ModelStatus.READY) {
            throw notReady(model);
        }
        if (model.pricing() == null) {
            throw new DomainException(DomainException.Kind.RULE, "PRICING_REQUIRED", "set the model's pricing first");
        }
        return model.published() ? model : saveSettings(model.withPublished(true, clock.instant()));
    }

    private Model saveSettings(Model updated) {
        if (!store.updateModelSettings(updated)) {
            throw DomainException.notFound("model");
        }
        return store.model(updated.sellerId(), updated.id()).orElse(updated);
    }

    // ---- CM-AST-5 ------------------------------------------------------------------------------

    /** Replaces the asset's tags (adding and removing are both a new list). */
    public Asset setAssetTags(String sellerId, String assetId, java.util.List<String> tags) {
        Asset asset = store.asset(sellerId, assetId).orElseThrow(() -> DomainException.notFound("asset"));
        Asset tagged = new Asset(asset.id(), asset.sellerId(), asset.kind(), asset.filename(), asset.source(),
                AssetTags.normalize(tags), asset.sizeBytes(), asset.blobKey(), asset.createdAt());
        store.saveAsset(tagged);
        return tagged;
    }

    // ---- CM-TRN-5 ------------------------------------------------------------------------------

    /**
     * Generates a preview with the model's trained style profile. Watermarked unless the seller is
     * subscribed (CM-GEN-2: no watermark for a subscribed seller's own use).
     *
     * @param units size in the model's unit (seconds of audio, words of text); null for a default
     */
    public GeneratedAsset playground(String sellerId, String modelId, String prompt, Integer units) {
        String text = prompt == null ? "" : prompt.strip();
        if (text.isEmpty() || text.length() > MAX_PROMPT_CHARS) {
            throw DomainException.validation("prompt must be 1.." + MAX_PROMPT_CHARS + " characters");
        }
        Model model = model(sellerId, modelId); // another seller's model is not found (CM-MOD-4), eligible or not
        CreationPlan.requireEligible(sellers, sellerId); // ELIG-3, subscribed or not
        plan.requireNotEnded(sellerId); // BILL-6, ELIG-3
        if (model.status() != ModelStatus.READY) {
            throw notReady(model);
        }
        byte[] profile = blobs.get(TrainingPipeline.profileKey(sellerId, modelId, model.trainingId()))
                .orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "MODEL_NOT_READY",
                        "the model's trained profile is missing; train it again"));
        MediaKind kind = subcategories.require(model.subcategory()).mediaKind();
        GeneratorAvailability.require(generator.supports(kind), kind);
        int size = previewUnits(kind, model.pricing(), units);
        GeneratedAsset clean = GeneratorAvailability.generate(generator, model, profile, text, size);
        return plan.subscribed(sellerId) ? clean : Previews.protect(clean);
    }

    private static int previewUnits(MediaKind kind, Pricing pricing, Integer requested) {
        int max = switch (kind) {
            case IMAGE -> 1;
            case AUDIO -> MAX_PREVIEW_SECONDS;
            case TEXT -> MAX_PREVIEW_WORDS;
        };
        if (requested != null) {
            if (requested < 1) {
                throw DomainException.validation("units must be at least 1");
            }
            return Math.min(max, requested);
        }
        int fallback = switch (kind) {
            case IMAGE -> 1;
            case AUDIO -> 10;
            case TEXT -> 100;
        };
        boolean usable = pricing != null && pricing.type() == Pricing.Type.BASE_PLUS_INCREMENT;
        return Math.min(max, usable ? pricing.baseUnits() : fallback);
    }

    private static DomainException notReady(Model model) {
        return new DomainException(DomainException.Kind.RULE, "MODEL_NOT_READY",
                "the model is " + model.status() + "; it must be READY (trained)");
    }
}
