package app.go.domain.creation;

import app.go.domain.port.BlobStore;
import app.go.domain.port.StyleDescriber;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TRAIN step's work (CM-TRN-1, CM-MOD-3): from the measured assets, picks a representative
 * reference set (closest to the set's average look, no near-duplicates), learns the palette and
 * measures, scores how consistent the set is, and has the style described in words. Reads facts,
 * never decodes an image again; only the few references go to the describer.
 */
public final class StyleTrainer {
    static final int SAMPLE_CHARS = 600;
    static final int MAX_SAMPLES = 3;

    private final BlobStore blobs;
    private final StyleDescriber describer;

    public StyleTrainer(BlobStore blobs, StyleDescriber describer) {
        this.blobs = blobs;
        this.describer = describer;
    }

    public StyleProfile train(Model model, String trainingId, MediaKind kind, List<MeasuredAssets.Measured> measured) {
        return switch (kind) {
            case IMAGE -> images(model, trainingId, measured);
            case AUDIO -> audio(model, trainingId, measured);
            case TEXT -> text(model, trainingId, measured);
        };
    }

    private StyleProfile images(Model model, String trainingId, List<MeasuredAssets.Measured> measured) {
        List<MeasuredAssets.Measured> images = measured.stream().filter(m -> m.facts().image() != null).toList();
        int n = Math.max(1, images.size());
        double[] mean = new double[6];
        for (MeasuredAssets.Measured m : images) {
            double[] v = features(m.facts().image());
            for (int i = 0; i < v.length; i++) {
                mean[i] += v[i] / n;
            }
        }
        List<MeasuredAssets.Measured> byCloseness = images.stream()
                .sorted(Comparator.comparingDouble((MeasuredAssets.Measured m) -> distance(features(m.facts().image()), mean))
                        .thenComparing(m -> m.asset().id()))
                .toList();
        List<MeasuredAssets.Measured> references = new ArrayList<>();
        for (MeasuredAssets.Measured m : byCloseness) {
            boolean duplicate = references.stream().anyMatch(r -> AssetChecks.duplicates(r.facts().image(), m.facts().image()));
            if (!duplicate && references.size() < StyleProfile.MAX_REFERENCES) {
                references.add(m);
            }
        }
        double spread = images.stream().mapToDouble(m -> distance(features(m.facts().image()), mean)).average().orElse(0);
        double consistency = Math.max(0, Math.min(1, 1 - spread / 0.6));
        long grey = images.stream().filter(m -> m.facts().image().monochrome()).count();
        boolean monochrome = !images.isEmpty() && grey * 2 > images.size();
        List<String> palette = palette(references);
        double contrast = images.stream().mapToDouble(m -> m.facts().image().contrast()).average().orElse(40);
        double edges = images.stream().mapToDouble(m -> m.facts().image().edgeDensity()).average().orElse(0.1);
        double aspect = images.stream().mapToDouble(m -> (double) m.facts().image().width() / m.facts().image().height())
                .average().orElse(1);
        String measuredWords = measuredDescription(monochrome, contrast, edges, palette);
        List<byte[]> referenceBytes = new ArrayList<>();
        for (MeasuredAssets.Measured r : references) {
            blobs.get(r.asset().blobKey()).ifPresent(referenceBytes::add);
        }
        String description = describer.describe(measuredWords, referenceBytes);
        return new StyleProfile(model.id(), trainingId, model.subcategory(), MediaKind.IMAGE, description, palette, monochrome,
                round(contrast), round(edges), round(aspect), round(consistency),
                references.stream().map(r -> r.asset().blobKey()).toList(), List.of(), null, 0);
    }

    private StyleProfile audio(Model model, String trainingId, List<MeasuredAssets.Measured> measured) {
        List<AudioFacts> audio = measured.stream().map(m -> m.facts().audio()).filter(a -> a != null).toList();
        double seconds = audio.stream().mapToDouble(AudioFacts::seconds).average().orElse(0);
        Map<AudioFacts.Content, Long> contents = new LinkedHashMap<>();
        audio.forEach(a -> contents.merge(a.content(), 1L, Long::sum));
        List<String> tags = measured.stream().flatMap(m -> m.asset().tags().stream()).distinct().limit(8).toList();
        String description = String.join(", ", tags);
        double consistency = audio.isEmpty() ? 0 : contents.values().stream().mapToLong(Long::longValue).max().orElse(0)
                / (double) audio.size();
        return new StyleProfile(model.id(), trainingId, model.subcategory(), MediaKind.AUDIO, description, List.of(), false,
                0, 0, 1, round(consistency), measured.stream().limit(StyleProfile.MAX_REFERENCES).map(m -> m.asset().blobKey())
                .toList(), List.of(), null, round(seconds));
    }

    private StyleProfile text(Model model, String trainingId, List<MeasuredAssets.Measured> measured) {
        List<String> samples = new ArrayList<>();
        for (MeasuredAssets.Measured m : measured) {
            if (samples.size() == MAX_SAMPLES) {
                break;
            }
            blobs.get(m.asset().blobKey()).map(b -> new String(b, StandardCharsets.UTF_8).strip())
                    .map(t -> t.length() <= SAMPLE_CHARS ? t : t.substring(0, SAMPLE_CHARS)).filter(t -> !t.isEmpty())
                    .ifPresent(samples::add);
        }
        return new StyleProfile(model.id(), trainingId, model.subcategory(), MediaKind.TEXT, "", List.of(), false, 0, 0, 1,
                1, List.of(), samples, null, 0);
    }

    /** Mean colour, contrast, line work and colourfulness, each scaled to about 0..1. */
    private static double[] features(ImageFacts f) {
        return new double[]{f.meanRgb()[0] / 255, f.meanRgb()[1] / 255, f.meanRgb()[2] / 255, f.contrast() / 64,
                Math.min(1, f.edgeDensity() * 4), Math.min(1, f.chroma() / 64)};
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** The references' palettes merged: a colour counts more the earlier it ranks in an image. */
    private static List<String> palette(List<MeasuredAssets.Measured> references) {
        Map<String, Integer> weight = new LinkedHashMap<>();
        for (MeasuredAssets.Measured r : references) {
            List<String> colours = r.facts().image().palette();
            for (int i = 0; i < colours.size(); i++) {
                weight.merge(colours.get(i), colours.size() - i, Integer::sum);
            }
        }
        return weight.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(5).map(Map.Entry::getKey).toList();
    }

    static String measuredDescription(boolean monochrome, double contrast, double edges, List<String> palette) {
        String tone = monochrome ? "black-and-white" : "colour";
        String contrastWord = contrast > 60 ? "high contrast" : contrast > 30 ? "medium contrast" : "soft, low contrast";
        String lines = edges > 0.12 ? "dense line work and texture" : edges > 0.04 ? "clear outlines" : "flat areas of colour";
        return String.format(Locale.ROOT, "%s artwork, %s, %s; palette %s", tone, contrastWord, lines,
                String.join(" ", palette));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
