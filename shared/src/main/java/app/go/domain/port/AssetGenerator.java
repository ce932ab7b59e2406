package app.go.domain.port;

import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.ImageSize;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;

/**
 * Port to whatever produces work in a trained model's style: Bedrock image and text models and an
 * audio provider when deployed, a style-derived offline generator locally. It always produces the
 * clean full-size work; the protected preview is made from it by the domain
 * ({@link app.go.domain.creation.Previews}), so preview and final are the same work and the model is
 * paid for once.
 */
public interface AssetGenerator {

    /**
     * @param model            the READY model
     * @param styleProfileJson the trained artefact ({@code StyleProfile}, UTF-8 JSON)
     * @param prompt           what to make
     * @param units            size of the work in the pricing unit (words or seconds); ignored for images
     * @throws AssetGenerationException when the model refused or could not be reached
     */
    GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units);

    /**
     * CM-GEN-8: the same at the size the client asked for; image generators honour it, other kinds
     * never get one (the domain refuses a size for them).
     *
     * @param size the requested pixel size, or null for the model's aspect with a long side of 1024
     */
    default GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units, ImageSize size) {
        return generate(model, styleProfileJson, prompt, units);
    }

    /** CM-GEN-8: whether this deployment has a real generator for the kind; others are refused up front. */
    default boolean supports(MediaKind kind) {
        return true;
    }
}
