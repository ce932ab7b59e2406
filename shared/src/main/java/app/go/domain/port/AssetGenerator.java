package app.go.domain.port;

import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.Model;

/**
 * Port to whatever produces work in a trained model's style: an offline deterministic generator
 * today, a Bedrock image/audio/text model later.
 */
public interface AssetGenerator {

    /**
     * @param model            the READY model
     * @param styleProfileJson the trained artefact ({@link TrainingPipeline#profileKey}), UTF-8 JSON
     * @param prompt           what to make
     * @param units            size of the work in the pricing unit (words or seconds); ignored for images
     * @param watermark        true unless the output is for a subscribed seller's own use (CM-GEN-2)
     */
    GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units, boolean watermark);
}
