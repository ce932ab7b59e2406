package app.go.domain.creation;

import app.go.adapter.offline.OfflineAssetGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioSystem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protected preview a client sees before buying, made from the clean work (CM-GEN-1, CM-GEN-4). */
class PreviewsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final byte[] PROFILE = new StyleProfile("mdl_1", "trn_1", "TATTOO", MediaKind.IMAGE, "bold lines",
            List.of("#f0e8d8", "#1a1a1a", "#b22222"), false, 60, 0.2, 1, 0.9, List.of(), List.of(
            "Short lines. Plain words that land."), null, 0).toJson();
    private final OfflineAssetGenerator generator = new OfflineAssetGenerator();

    private static Model model(String subcategory) {
        return Model.draft("mdl_1", "s-1", subcategory, NOW).training("trn_1", "Model #1", NOW).ready(NOW);
    }

    @Test
    @DisplayName("CM-GEN-1 an image preview is at most 512 px and visibly marked across the whole image; the final is full size")
    void imagePreviewIsSmallAndMarked() throws Exception {
        GeneratedAsset clean = generator.generate(model("TATTOO"), PROFILE, "a red rose with thorns", 1);
        GeneratedAsset preview = Previews.protect(clean);

        BufferedImage full = ImageIO.read(new ByteArrayInputStream(clean.content()));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(preview.content()));
        assertEquals(1024, full.getWidth());
        assertTrue(small.getWidth() <= Previews.PREVIEW_SIDE && small.getHeight() <= Previews.PREVIEW_SIDE);
        assertTrue(preview.watermarked());
        // the mark is tiled: every quarter of the preview differs from the scaled clean image
        BufferedImage scaled = new BufferedImage(small.getWidth(), small.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = scaled.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, small.getWidth(), small.getHeight(), null);
        g.dispose();
        int half = small.getWidth() / 2;
        for (int qx = 0; qx < 2; qx++) {
            for (int qy = 0; qy < 2; qy++) {
                int changed = 0;
                for (int y = qy * half; y < (qy + 1) * half; y++) {
                    for (int x = qx * half; x < (qx + 1) * half; x++) {
                        if (Math.abs((small.getRGB(x, y) & 0xff) - (scaled.getRGB(x, y) & 0xff)) > 30) {
                            changed++;
                        }
                    }
                }
                assertTrue(changed > half * half / 50, "quarter " + qx + "," + qy + " carries the mark: " + changed);
            }
        }
    }

    @Test
    @DisplayName("CM-GEN-1 a text preview is an excerpt, never the whole deliverable")
    void textPreviewIsAnExcerpt() {
        GeneratedAsset clean = generator.generate(model("WRITING_TRANSLATION"), PROFILE, "launch email", 300);
        String whole = new String(clean.content(), StandardCharsets.UTF_8);
        String preview = new String(Previews.protect(clean).content(), StandardCharsets.UTF_8);

        assertTrue(preview.startsWith(Previews.TEXT_MARK));
        int previewWords = preview.split("\\s+").length;
        assertTrue(previewWords < whole.split("\\s+").length / 2, preview);
        assertFalse(preview.contains(whole.substring(whole.length() / 2)));
    }

    @Test
    @DisplayName("CM-GEN-1 a text preview shows strictly less than the deliverable at any length: one letter, one word, one sentence, no spaces")
    void textPreviewNeverShowsTheWholeOfAShortText() {
        StringBuilder long500 = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            long500.append("word").append(i).append(' ');
        }
        for (String whole : List.of("Q", "Rose", "Roses bloom.", "Red roses with thorns grow by the garden wall.",
                "\u718a\u732b\u5728\u7af9\u6797\u91cc\u6162\u6162\u5730\u5403\u7740\u7af9\u5b50\u3002",
                "  Thorns\n", long500.toString())) {
            GeneratedAsset clean = new GeneratedAsset(MediaKind.TEXT, "text/plain", whole.getBytes(StandardCharsets.UTF_8), false);
            String preview = new String(Previews.protect(clean).content(), StandardCharsets.UTF_8);

            assertTrue(preview.startsWith(Previews.TEXT_MARK + "\n"), preview);
            String shown = preview.substring(Previews.TEXT_MARK.length() + 1, preview.lastIndexOf(" ...\n["));
            assertTrue(whole.strip().startsWith(shown), shown);
            assertTrue(shown.length() < whole.strip().length(), "the preview shows all of: " + whole);
            assertFalse(preview.contains(whole.strip()), preview);
        }
    }

    @Test
    @DisplayName("CM-GEN-1 an audio preview is shortened (at most 10 s) and marked with beeps")
    void audioPreviewIsShortAndMarked() throws Exception {
        GeneratedAsset clean = generator.generate(model("VOICEOVER"), PROFILE, "Welcome to the show", 60);
        GeneratedAsset preview = Previews.protect(clean);

        var full = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(clean.content()));
        var cut = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(preview.content()));
        assertEquals(60.0, full.getFrameLength() / full.getFormat().getFrameRate(), 0.1);
        assertTrue(cut.getFrameLength() / cut.getFormat().getFrameRate() <= Previews.PREVIEW_SECONDS + 0.01);
        assertFalse(java.util.Arrays.equals(clean.content(), preview.content()));
    }
}
