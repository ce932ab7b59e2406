package app.go.domain.creation;

import app.go.adapter.media.JdkMediaInspector;
import app.go.support.json.Json;
import app.go.testing.LabelledMedia;
import app.go.testing.LabelledMedia.Sound;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures each asset check on a generated, labelled media set (CM-AST-2/3/6, CM-MOD-3): precision
 * and recall per check, with floors. Writes {@code target/asset-checks.json} for the README.
 */
class AssetChecksEvaluationTest {
    private static final int ARTWORKS = 8;
    private static final int EXTRA_CLEAN = 40;
    private static final double FLOOR = 0.8;
    private final JdkMediaInspector inspector = new JdkMediaInspector();

    /** One check's confusion counts. */
    private static final class Score {
        int tp, fp, fn, tn;

        void add(boolean expected, boolean flagged) {
            if (expected && flagged) tp++;
            else if (!expected && flagged) fp++;
            else if (expected) fn++;
            else tn++;
        }

        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        Map<String, Object> view() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("precision", Math.round(precision() * 1000) / 1000.0);
            v.put("recall", Math.round(recall() * 1000) / 1000.0);
            v.put("positives", tp + fn);
            v.put("negatives", tn + fp);
            return v;
        }
    }

    private record Labelled(ImageFacts facts, boolean blurry, boolean text, boolean grey) {}

    @Test
    @DisplayName("CM-AST-3/6 image checks on a labelled set: blur, black-and-white, near-duplicates, offline text/watermark (precision and recall >= 0.8)")
    void imageChecks() throws IOException {
        List<Labelled> set = new ArrayList<>();
        List<ImageFacts> originals = new ArrayList<>();
        List<ImageFacts> resaved = new ArrayList<>();
        for (int i = 0; i < ARTWORKS; i++) {
            BufferedImage art = LabelledMedia.artwork(1_000 + i, 1024);
            ImageFacts clean = facts(LabelledMedia.png(art));
            originals.add(clean);
            resaved.add(inspector.image(LabelledMedia.resaved(art)).orElseThrow());
            set.add(new Labelled(clean, false, false, false));
            set.add(new Labelled(facts(LabelledMedia.png(LabelledMedia.blurred(art, 6 + i % 4))), true, false, false));
            set.add(new Labelled(facts(LabelledMedia.png(LabelledMedia.watermarked(art, i))), false, true, false));
            set.add(new Labelled(facts(LabelledMedia.png(LabelledMedia.withText(art, i))), false, true, false));
            set.add(new Labelled(facts(LabelledMedia.png(LabelledMedia.grey(art))), false, false, true));
        }
        // more clean work for the text check's false positives (its run rules were tuned on these seeds: README)
        for (int seed = 2_000; seed < 2_000 + EXTRA_CLEAN; seed++) {
            set.add(new Labelled(facts(LabelledMedia.png(LabelledMedia.artwork(seed, 1024))), false, false, false));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("blur", score(set, Labelled::blurry, l -> AssetChecks.blurry(l.facts())));
        report.put("textOrWatermark", score(set, Labelled::text, l -> AssetChecks.texty(l.facts())));
        report.put("blackAndWhite", score(set, Labelled::grey, l -> l.facts().monochrome()));
        Score duplicates = new Score();
        for (int i = 0; i < ARTWORKS; i++) {
            for (int j = 0; j < ARTWORKS; j++) {
                duplicates.add(i == j, AssetChecks.duplicates(originals.get(i), resaved.get(j)));
            }
        }
        report.put("nearDuplicate", duplicates.view());
        write("images", report);
        StringBuilder scores = new StringBuilder();
        set.forEach(l -> scores.append(String.format("%s%s%s sharp=%.0f text=%.5f chroma=%.1f%n", l.blurry() ? "B" : "-",
                l.text() ? "T" : "-", l.grey() ? "G" : "-", l.facts().sharpness(), l.facts().textScore(), l.facts().chroma())));
        System.out.println(scores);
        assertFloors(report);
    }

    /** Drawings per kind and ground in the common-ground set. */
    private static final int DRAWINGS = 4;

    @Test
    @DisplayName("CM-AST-3/6 near-duplicates among drawings on one paper tone or white: distinct drawings are not flagged, re-encoded, resized, cropped and brightened copies are (precision and recall >= 0.8)")
    void nearDuplicatesOnACommonGround() throws IOException {
        List<ImageFacts> originals = new ArrayList<>();
        List<List<ImageFacts>> copies = new ArrayList<>();
        List<String> names = new ArrayList<>();
        java.util.function.BiConsumer<String, BufferedImage> add = (name, drawing) -> {
            names.add(name);
            originals.add(facts(LabelledMedia.png(drawing)));
            copies.add(java.util.Arrays.stream(LabelledMedia.Variant.values())
                    .map(v -> inspector.image(LabelledMedia.variant(drawing, v)).orElseThrow()).toList());
        };
        for (LabelledMedia.Drawing kind : LabelledMedia.Drawing.values()) {
            for (int i = 0; i < DRAWINGS; i++) {
                long seed = 5_000 + 100L * kind.ordinal() + i;
                add.accept(kind + "-paper-" + i, LabelledMedia.drawing(kind, seed, LabelledMedia.PAPER, 1024));
                add.accept(kind + "-white-" + i, LabelledMedia.drawing(kind, seed + 50, LabelledMedia.WHITE_PAPER, 1024));
                if (i < DRAWINGS / 2) { // photographed: the paper darkens towards the corners
                    add.accept(kind + "-photo-" + i, LabelledMedia.photographed(LabelledMedia.drawing(kind, seed + 1_000,
                            LabelledMedia.PAPER, 1024)));
                }
            }
        }
        for (int i = 0; i < DRAWINGS * 2; i++) { // full-bleed strokes and discs (the bench's): a crop cuts into the ink
            add.accept("BENCH-" + i, SampleArtwork.strokesAndDiscs(900 + i, 1024));
        }
        Score distinct = new Score();
        Map<LabelledMedia.Variant, Score> byVariant = new java.util.EnumMap<>(LabelledMedia.Variant.class);
        for (int i = 0; i < originals.size(); i++) {
            for (int j = 0; j < originals.size(); j++) {
                if (j > i && AssetChecks.duplicates(originals.get(i), originals.get(j))) {
                    System.out.println("flagged distinct: " + names.get(i) + " ~ " + names.get(j));
                }
                if (j > i) {
                    distinct.add(false, AssetChecks.duplicates(originals.get(i), originals.get(j)));
                }
                for (LabelledMedia.Variant v : LabelledMedia.Variant.values()) {
                    boolean flagged = AssetChecks.duplicates(originals.get(i), copies.get(j).get(v.ordinal()));
                    byVariant.computeIfAbsent(v, k -> new Score()).add(i == j, flagged);
                    distinct.add(i == j, flagged);
                    if (i == j && !flagged) {
                        System.out.println("missed " + v + ": " + names.get(i));
                    }
                }
            }
        }
        int closestDistinct = 64, farthestCopy = 0;
        String closest = "", farthest = "";
        for (int i = 0; i < originals.size(); i++) {
            for (int j = 0; j < originals.size(); j++) {
                if (j > i && inkBits(originals.get(i), originals.get(j)) < closestDistinct) {
                    closestDistinct = inkBits(originals.get(i), originals.get(j));
                    closest = names.get(i) + " and " + names.get(j);
                }
                for (LabelledMedia.Variant v : LabelledMedia.Variant.values()) {
                    int bits = inkBits(originals.get(i), copies.get(j).get(v.ordinal()));
                    if (i == j && bits > farthestCopy) {
                        farthestCopy = bits;
                        farthest = names.get(i) + " " + v;
                    } else if (i != j && bits < closestDistinct) {
                        closestDistinct = bits;
                        closest = names.get(i) + " and " + names.get(j) + " " + v;
                    }
                }
            }
        }
        System.out.println("ink hash: copies differ in at most " + farthestCopy + " bits (" + farthest
                + "), distinct drawings in at least " + closestDistinct + " (" + closest + ")");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("nearDuplicateCommonGround", distinct.view());
        byVariant.forEach((v, score) -> report.put("nearDuplicate" + v, score.view()));
        write("drawings", report);
        assertFloors(report);
        // the bar for this set is higher than the floor: a false warning here is what the bench showed
        assertTrue(distinct.precision() >= 0.99 && distinct.recall() >= 0.95, distinct.view().toString());
    }

    @Test
    @DisplayName("CM-AST-6 audio checks on a labelled set of WAV and M4A/AAC recordings: voice vs music, background noise, clipping, stereo (precision and recall >= 0.8)")
    void audioChecks() throws IOException {
        Score voice = new Score();
        Score music = new Score();
        Score noisy = new Score();
        Score clipped = new Score();
        Score stereo = new Score();
        Score m4aOnly = new Score();
        for (int i = 0; i < 4; i++) {
            for (Sound sound : Sound.values()) {
                boolean isNoise = sound == Sound.NOISE;
                for (int variant = 0; variant < 4; variant++) {
                    boolean loud = variant == 1 && !isNoise;
                    boolean hiss = variant == 2 && !isNoise;
                    boolean wide = variant == 3;
                    AudioFacts f = inspector.audio(LabelledMedia.recording(sound, 12, i * 31L + variant, loud ? 4 : 1,
                            hiss ? -32 : -75, wide)).orElseThrow();
                    if (!hiss && !isNoise) {
                        voice.add(sound == Sound.VOICE, f.content() == AudioFacts.Content.SPEECH);
                        music.add(sound == Sound.MUSIC, f.content() == AudioFacts.Content.MUSIC);
                    }
                    noisy.add(hiss || isNoise, AssetChecks.noisy(f));
                    clipped.add(loud, f.clipping() > AssetChecks.MAX_CLIPPING);
                    stereo.add(wide, f.stereoWidth() > AssetChecks.MAX_STEREO_WIDTH);
                    System.out.printf("%s v%d content=%s floor=%.1f pauses=%.2f flat=%.2f clip=%.4f width=%.2f%n", sound, variant,
                            f.content(), f.noiseFloorDb(), f.pauses(), f.flatness(), f.clipping(), f.stereoWidth());
                }
            }
        }
        for (LabelledMedia.M4a m4a : LabelledMedia.M4A) { // the same kinds of recording, 8 s, as M4A/AAC
            AudioFacts f = inspector.audio(m4a.bytes()).orElseThrow();
            boolean isNoise = m4a.sound() == Sound.NOISE;
            if (!m4a.hiss() && !isNoise) {
                voice.add(m4a.sound() == Sound.VOICE, f.content() == AudioFacts.Content.SPEECH);
                music.add(m4a.sound() == Sound.MUSIC, f.content() == AudioFacts.Content.MUSIC);
            }
            noisy.add(m4a.hiss() || isNoise, AssetChecks.noisy(f));
            clipped.add(m4a.clipped(), f.clipping() > AssetChecks.MAX_CLIPPING);
            stereo.add(m4a.stereo(), f.stereoWidth() > AssetChecks.MAX_STEREO_WIDTH);
            m4aOnly.add(true, f.format().equals("M4A"));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("voice", voice.view());
        report.put("music", music.view());
        report.put("backgroundNoise", noisy.view());
        report.put("clipping", clipped.view());
        report.put("stereo", stereo.view());
        report.put("m4aDecoded", m4aOnly.view());
        write("audio", report);
        assertFloors(report);
    }

    private static int inkBits(ImageFacts a, ImageFacts b) {
        return Long.bitCount(a.inkHash() ^ b.inkHash());
    }

    private ImageFacts facts(byte[] png) {
        return inspector.image(png).orElseThrow();
    }

    private static Map<String, Object> score(List<Labelled> set, Predicate<Labelled> expected, Predicate<Labelled> flagged) {
        Score s = new Score();
        set.forEach(l -> s.add(expected.test(l), flagged.test(l)));
        return s.view();
    }

    @SuppressWarnings("unchecked")
    private static void assertFloors(Map<String, Object> report) {
        report.forEach((check, value) -> {
            Map<String, Object> v = (Map<String, Object>) value;
            assertTrue((double) v.get("precision") >= FLOOR && (double) v.get("recall") >= FLOOR, check + ": " + v);
        });
    }

    private static void write(String name, Map<String, Object> report) throws IOException {
        Path dir = Path.of("target");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("asset-checks-" + name + ".json"), Json.write(report));
        System.out.println(name + " " + Json.write(report));
    }
}
