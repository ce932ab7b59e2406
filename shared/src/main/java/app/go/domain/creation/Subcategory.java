package app.go.domain.creation;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One row of the subcategory table (CM-CAT-1). Rules read these values; nothing switches on the id,
 * so a new subcategory is a new row in {@code creation/subcategories.json}.
 *
 * @param id                           stable API value, e.g. {@code TATTOO}
 * @param label                        human name, e.g. "Tattoo"
 * @param mediaKind                    what the model learns from (every asset must be of this kind)
 * @param modelNameStem                generated model names are "{stem} #n" (CM-MOD-2)
 * @param minAudioSeconds              shortest accepted audio asset (CM-AST-2); 0 when not audio
 * @param trainingsBeforeSubscription  trainings per model before subscribing (CM-TRN-3)
 * @param retrainingsPerPeriod         retrainings per model per month after subscribing (CM-TRN-3)
 * @param output                       what a generation produces: IMAGE, TEXT, SPEECH (a voice) or MUSIC
 */
public record Subcategory(String id, String label, MediaKind mediaKind, String modelNameStem, int minAudioSeconds,
                          int trainingsBeforeSubscription, int retrainingsPerPeriod, Output output) {

    public enum Output { IMAGE, TEXT, SPEECH, MUSIC }

    @JsonCreator
    public Subcategory {
        if (output == null) {
            output = switch (mediaKind) {
                case IMAGE -> Output.IMAGE;
                case TEXT -> Output.TEXT;
                case AUDIO -> Output.MUSIC;
            };
        }
    }

    public Subcategory(String id, String label, MediaKind mediaKind, String modelNameStem, int minAudioSeconds,
                       int trainingsBeforeSubscription, int retrainingsPerPeriod) {
        this(id, label, mediaKind, modelNameStem, minAudioSeconds, trainingsBeforeSubscription, retrainingsPerPeriod, null);
    }

    /** CM-AST-6 jingles: at least one asset with voice and one with music. */
    public boolean needsVoiceAndMusic() {
        return output == Output.MUSIC;
    }
}
