package app.go.domain.creation;

import app.go.adapter.media.JdkMediaInspector;
import app.go.domain.port.TextInImageDetector;
import app.go.support.json.Json;
import app.go.testing.LabelledMedia;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CM-AST-3/6: the near-duplicate warning on sets of distinct drawings that share their ground. */
class NearDuplicateCheckTest {
    private final JdkMediaInspector inspector = new JdkMediaInspector();

    @Test
    @DisplayName("CM-AST-6 the training bench's 50 distinct drawings on one cream ground get no near-duplicate warning")
    void benchDrawings() {
        List<MeasuredAssets.Measured> measured = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] png = LabelledMedia.png(SampleArtwork.strokesAndDiscs(i, 1024));
            measured.add(measured("work-" + i, png));
        }
        AssetChecks.Report report = AssetChecks.check(tattoo(), measured);
        System.out.println(report.warnings().size() + " warnings: " + report.warnings());
        assertEquals(List.of(), report.warnings().stream().filter(w -> w.contains("near-duplicate")).toList());
    }

    @Test
    @DisplayName("CM-AST-6 among 12 drawings on one ground, copies of one (JPEG, resized, cropped, brightened) are each a near-duplicate of it, and nothing else is")
    void copiesOnACommonGround() {
        List<MeasuredAssets.Measured> measured = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            measured.add(measured("bench-" + i, LabelledMedia.png(SampleArtwork.strokesAndDiscs(700 + i, 1024))));
        }
        for (LabelledMedia.Drawing kind : LabelledMedia.Drawing.values()) {
            for (int i = 0; i < 2; i++) {
                String id = kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + i;
                measured.add(measured(id, LabelledMedia.png(LabelledMedia.drawing(kind, 7_000 + 10L * kind.ordinal() + i,
                        LabelledMedia.WHITE_PAPER, 1024))));
            }
        }
        java.awt.image.BufferedImage original = LabelledMedia.drawing(LabelledMedia.Drawing.LINE_ART, 7_000, LabelledMedia.WHITE_PAPER, 1024);
        for (LabelledMedia.Variant v : LabelledMedia.Variant.values()) {
            measured.add(measured("copy-" + v, LabelledMedia.variant(original, v)));
        }
        List<String> duplicates = AssetChecks.check(tattoo(), measured).warnings().stream()
                .filter(w -> w.contains("near-duplicate")).toList();
        // the four copies are near-duplicates of the original (line_art-0) and of each other
        List<String> expected = new ArrayList<>();
        for (LabelledMedia.Variant v : LabelledMedia.Variant.values()) {
            expected.add("copy-" + v + ": near-duplicate of line_art-0");
        }
        for (int i = 0; i < LabelledMedia.Variant.values().length; i++) {
            for (int j = i + 1; j < LabelledMedia.Variant.values().length; j++) {
                expected.add("copy-" + LabelledMedia.Variant.values()[j] + ": near-duplicate of copy-" + LabelledMedia.Variant.values()[i]);
            }
        }
        assertEquals(expected, duplicates);
    }

    @Test
    @DisplayName("CM-AST-6 facts stored before the ink hash existed are still compared, by the difference hash")
    void factsWithoutTheInkHash() {
        byte[] png = LabelledMedia.png(LabelledMedia.artwork(1_000, 1024));
        ImageFacts current = inspector.image(png).orElseThrow();
        ImageFacts copy = inspector.image(LabelledMedia.resaved(LabelledMedia.artwork(1_000, 1024))).orElseThrow();
        ImageFacts other = inspector.image(LabelledMedia.png(LabelledMedia.artwork(1_001, 1024))).orElseThrow();
        ImageFacts stored = Json.read(Json.write(current).replaceAll(",?\"inkHash\":-?\\d+", ""), ImageFacts.class);

        assertNull(stored.inkHash());
        assertTrue(AssetChecks.duplicates(stored, copy));
        assertTrue(AssetChecks.duplicates(copy, stored));
        assertFalse(AssetChecks.duplicates(stored, other));
    }

    /** As at upload: measured by the JDK inspector, text read by the offline heuristic. */
    private MeasuredAssets.Measured measured(String id, byte[] png) {
        ImageFacts image = inspector.image(png).orElseThrow();
        Asset asset = new Asset(id, "s-1", MediaKind.IMAGE, id + ".png", AssetSource.PORTFOLIO, List.of(), png.length,
                Asset.blobKey("s-1", id), Instant.parse("2026-03-01T10:00:00Z"));
        return new MeasuredAssets.Measured(asset, new AssetFacts(MediaKind.IMAGE, image, null, null, null)
                .withText(TextInImageDetector.MEASURED.detect(png, image)));
    }

    private static Subcategory tattoo() {
        return Subcategories.standard().find("TATTOO").orElseThrow();
    }
}
