package app.go.wiring;

import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.port.AssetGenerationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CM-GEN-8: the generators are chosen by configuration, like the language model; the default is the real one. */
class AssetGeneratorWiringTest {
    private static Adapters adapters(Map<String, String> env) {
        return ConfiguredAdapters.with(env);
    }

    @Test
    @DisplayName("CM-GEN-8 by default a deployment generates images (Nova Canvas) and text (Converse) and refuses audio without a provider")
    void defaultIsRealAndRefusesAudio() {
        var generator = adapters(Map.of()).assetGenerator();
        assertTrue(generator.supports(MediaKind.IMAGE));
        assertTrue(generator.supports(MediaKind.TEXT));
        assertFalse(generator.supports(MediaKind.AUDIO));
        Instant now = Instant.now();
        Model voice = Model.draft("m", "s", "VOICEOVER", now).training("t", "V", now).ready(now);
        AssetGenerationException e = assertThrows(AssetGenerationException.class,
                () -> generator.generate(voice, new byte[0], "hello", 30));
        assertEquals(AssetGenerationException.Reason.NOT_CONFIGURED, e.reason());
    }

    @Test
    @DisplayName("AUDIO_PROVIDER=elevenlabs adds audio; ASSET_PROVIDER=offline is the local twin")
    void configuredProviders() {
        assertTrue(adapters(Map.of("AUDIO_PROVIDER", "elevenlabs", "ELEVENLABS_API_KEY", "k")).assetGenerator()
                .supports(MediaKind.AUDIO));
        assertInstanceOf(OfflineAssetGenerator.class, adapters(Map.of("ASSET_PROVIDER", "offline")).assetGenerator());
        assertThrows(IllegalStateException.class,
                () -> adapters(Map.of("AUDIO_PROVIDER", "tape")).assetGenerator());
    }
}
