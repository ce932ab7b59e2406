package app.go.domain.creation;

import app.go.domain.port.AssetGenerator;
import app.go.domain.port.AudioProvider;

/**
 * Audio through an {@link AudioProvider}: a voiceover speaks the client's script in the voice the
 * training learned; a jingle is composed from the learned style and the client's brief.
 */
public final class AudioAssetGenerator implements AssetGenerator {
    public static final int MAX_SECONDS = 120;

    private final AudioProvider provider;
    private final Subcategories subcategories;

    public AudioAssetGenerator(AudioProvider provider, Subcategories subcategories) {
        this.provider = provider;
        this.subcategories = subcategories;
    }

    @Override
    public boolean supports(MediaKind kind) {
        return kind == MediaKind.AUDIO;
    }

    @Override
    public GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units) {
        StyleProfile profile = StyleProfile.parse(styleProfileJson);
        Subcategory subcategory = subcategories.require(model.subcategory());
        int seconds = Math.max(10, Math.min(MAX_SECONDS, units));
        byte[] wav = subcategory.output() == Subcategory.Output.SPEECH
                ? provider.speak(profile.voiceId(), prompt)
                : provider.compose(profile.description().isBlank() ? prompt : prompt + ". Style: " + profile.description(),
                seconds);
        return new GeneratedAsset(MediaKind.AUDIO, "audio/wav", wav, false);
    }
}
