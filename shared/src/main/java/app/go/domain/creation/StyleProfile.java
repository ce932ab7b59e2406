package app.go.domain.creation;

import app.go.support.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The trained artefact (CM-TRN-1, CM-TRN-5): what a generator needs to work in the seller's style.
 * Stored as JSON at {@link #key}; the seller's private instructions are not in it (CM-MOD-4: the
 * text generator gets them from the model itself and keeps them out of the output).
 *
 * @param description   the style in words (deployed: an image-capable model describing the reference set;
 *                      offline: from the measured features)
 * @param palette       dominant colours of the reference set, "#rrggbb"
 * @param monochrome    the set is black-and-white
 * @param contrast      mean luma standard deviation (0..128)
 * @param edgeDensity   mean share of edge pixels (0..1): line work vs flat areas
 * @param aspect        mean width / height
 * @param consistency   0..1, how alike the set is (CM-MOD-3)
 * @param referenceKeys blob keys of the representative reference set (at most {@link #MAX_REFERENCES})
 * @param samples       short excerpts of the seller's texts (text models)
 * @param voiceId       the audio provider's voice learned from the recordings, when it has one
 */
public record StyleProfile(String modelId, String trainingId, String subcategory, MediaKind kind, String description,
                           List<String> palette, boolean monochrome, double contrast, double edgeDensity, double aspect,
                           double consistency, List<String> referenceKeys, List<String> samples, String voiceId,
                           double meanSeconds) {
    public static final int MAX_REFERENCES = 5;

    public StyleProfile {
        palette = palette == null ? List.of() : List.copyOf(palette);
        referenceKeys = referenceKeys == null ? List.of() : List.copyOf(referenceKeys);
        samples = samples == null ? List.of() : List.copyOf(samples);
        description = description == null ? "" : description;
        aspect = aspect <= 0 ? 1 : aspect;
    }

    public static String key(String sellerId, String modelId, String trainingId) {
        return "sellers/" + sellerId + "/models/" + modelId + "/" + trainingId + "/profile.json";
    }

    /** Lenient: an artefact of an older training reads with defaults for what it lacks. */
    public static StyleProfile parse(byte[] json) {
        StyleProfile parsed = json == null || json.length == 0 ? null
                : Json.read(new String(json, StandardCharsets.UTF_8), StyleProfile.class);
        return parsed != null ? parsed
                : new StyleProfile(null, null, null, null, "", List.of(), false, 40, 0.1, 1, 1, List.of(), List.of(), null, 0);
    }

    public byte[] toJson() {
        return Json.write(this).getBytes(StandardCharsets.UTF_8);
    }
}
