package app.go.domain.creation;

import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.Model;
import app.go.adapter.offline.OfflineAssetGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator's watermark flag, which client drafts set and a subscribed seller's own use clears. */
class WatermarkFlagTest {
    private static final byte[] PROFILE = "{\"trainingId\":\"trn_1\",\"style\":{\"meanRgb\":[90,90,200]}}"
            .getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TATTOO", "JINGLES", "VOICEOVER"})
    @DisplayName("CM-GEN-2 without the watermark flag the output is clean and differs from the watermarked draft of the same prompt")
    void flagControlsTheWatermark(String subcategory) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        Model model = Model.draft("mdl_1", "s-1", subcategory, now).training("trn_1", "Model #1", now).ready(now);
        OfflineAssetGenerator generator = new OfflineAssetGenerator();

        GeneratedAsset draft = generator.generate(model, PROFILE, "sunrise", 3, true);
        GeneratedAsset clean = generator.generate(model, PROFILE, "sunrise", 3, false);

        assertTrue(draft.watermarked());
        assertFalse(clean.watermarked());
        assertFalse(Arrays.equals(draft.content(), clean.content()));
    }
}
