package app.go.domain.creation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks behind the guidance a seller is shown (CM-AST-2/3/6, CM-MOD-3), on measured facts:
 * errors stop a training before it starts, warnings are shown with the model. Thresholds were
 * measured on the labelled set in {@code AssetChecksEvaluationTest} (figures in the README).
 */
public final class AssetChecks {
    /** CM-AST-6: 1024x1024 recommended. */
    public static final int MIN_IMAGE_SIDE = 1024;
    public static final int MIN_IMAGES = 10;
    public static final int MAX_IMAGES = 50;
    /** Variance of the Laplacian on edge pixels below which an image looks blurred. */
    public static final double MIN_SHARPNESS = 3_500;
    /**
     * Share of an image inside the boxes of lines of text (read by Rekognition, or the offline
     * heuristic's glyph runs) above which it carries heavy text or a watermark.
     */
    public static final double MAX_TEXT_COVERAGE = 0.01;
    /** Words of a watermark or stock mark: one of them anywhere flags the image, however small. */
    private static final java.util.regex.Pattern WATERMARK = java.util.regex.Pattern.compile(
            "\u00a9|\\(c\\)|\\b(copyright|sample|preview|watermark|proof|stock|shutterstock|getty|istock|alamy|dreamstime"
                    + "|depositphotos|do not (use|copy))\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** Differing bits of the 64-bit difference hash at or below which two images are near-duplicates. */
    public static final int MAX_DUPLICATE_BITS = 12;
    /**
     * Differing bits of the 63-bit ink hash ({@link ImageFacts#inkHash}) at or below which two images
     * are near-duplicates. On the labelled drawings (AssetChecksEvaluationTest) copies differed in at most
     * 10 bits, bar one full-bleed drawing cropped into its ink (14), and distinct drawings in at least 16.
     */
    public static final int MAX_INK_BITS = 12;
    /** CM-MOD-3: spread of mean brightness (0..255) between images beyond which the style looks mixed. */
    public static final double MAX_BRIGHTNESS_SPREAD = 110;
    /** CM-MOD-3: ratio between the widest and the narrowest image beyond which the style looks mixed. */
    public static final double MAX_ASPECT_SPREAD = 1.6;
    public static final double MAX_CLIPPING = 0.002;
    /** Spectral flatness above which a recording carries broadband noise (clean voice and music stay below 0.05). */
    public static final double MAX_FLATNESS = 0.1;
    public static final double MAX_NOISE_FLOOR_DB = -45;
    public static final double MAX_STEREO_WIDTH = 0.2;

    private AssetChecks() {}

    public record Report(List<String> errors, List<String> warnings) {
        public Report {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    public static Report check(Subcategory subcategory, List<MeasuredAssets.Measured> measured) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<MeasuredAssets.Measured> usable = new ArrayList<>();
        for (MeasuredAssets.Measured m : measured) {
            Asset a = m.asset();
            if (a.kind() != subcategory.mediaKind()) {
                errors.add(a.id() + ": " + a.kind() + " asset in a " + subcategory.mediaKind() + " subcategory");
            } else if (!m.facts().decodable()) {
                errors.add(a.id() + ": the file is not a readable " + a.kind().name().toLowerCase(Locale.ROOT));
            } else {
                usable.add(m);
            }
        }
        switch (subcategory.mediaKind()) {
            case IMAGE -> images(usable, measured.size(), warnings);
            case AUDIO -> audio(subcategory, usable, errors, warnings);
            case TEXT -> { }
        }
        return new Report(errors, warnings);
    }

    private static void images(List<MeasuredAssets.Measured> usable, int count, List<String> warnings) {
        for (MeasuredAssets.Measured m : usable) {
            ImageFacts f = m.facts().image();
            String id = m.asset().id();
            if (f.width() < MIN_IMAGE_SIDE || f.height() < MIN_IMAGE_SIDE) {
                warnings.add(id + ": low resolution " + f.width() + "x" + f.height() + " (1024x1024 recommended)");
            }
            if (f.width() != f.height()) {
                warnings.add(id + ": not square (" + f.width() + "x" + f.height() + ")");
            }
            if (blurry(f)) {
                warnings.add(id + ": looks blurry; use sharp images");
            }
            TextFinding text = m.facts().text();
            if (carriesText(text)) {
                String read = text.lines().isEmpty() ? "" : " (\"" + abbreviate(text.lines().get(0)) + "\")";
                warnings.add(id + ": carries text or a watermark" + read + "; use images without text, logos or marks");
            }
        }
        for (int i = 0; i < usable.size(); i++) {
            for (int j = i + 1; j < usable.size(); j++) {
                if (duplicates(usable.get(i).facts().image(), usable.get(j).facts().image())) {
                    warnings.add(usable.get(j).asset().id() + ": near-duplicate of " + usable.get(i).asset().id());
                }
            }
        }
        if (count < MIN_IMAGES || count > MAX_IMAGES) {
            warnings.add(count + " images; 10 to 50 are recommended");
        }
        long grey = usable.stream().filter(m -> m.facts().image().monochrome()).count();
        if (grey > 0 && grey < usable.size()) {
            warnings.add("colour and black-and-white images are mixed; train them as separate models");
        }
        warnings.addAll(styleSpread(usable));
    }

    public static boolean blurry(ImageFacts f) {
        return f.edgeDensity() > 0 && f.sharpness() < MIN_SHARPNESS;
    }

    /** The offline text/watermark heuristic on its own ({@link ImageFacts#textScore}), as measured in the evaluation. */
    public static boolean texty(ImageFacts f) {
        return f.textScore() > MAX_TEXT_COVERAGE;
    }

    /** CM-AST-6: heavy text, or any watermark word, on the image. */
    public static boolean carriesText(TextFinding text) {
        return text != null && (text.coverage() > MAX_TEXT_COVERAGE
                || text.lines().stream().anyMatch(line -> WATERMARK.matcher(line).find()));
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 39) + "\u2026";
    }

    /** Noise between phrases, or broadband noise under continuous sound. */
    public static boolean noisy(AudioFacts f) {
        return f.content() == AudioFacts.Content.NOISE || f.flatness() > MAX_FLATNESS
                || (f.pauses() > 0.05 && f.noiseFloorDb() > MAX_NOISE_FLOOR_DB);
    }

    public static boolean duplicates(ImageFacts a, ImageFacts b) {
        if (a.inkHash() != null && b.inkHash() != null) {
            // the difference hash mostly sees a shared ground (paper, a white sheet): the hash of the ink decides
            return Long.bitCount(a.inkHash() ^ b.inkHash()) <= MAX_INK_BITS;
        }
        // facts measured before the ink hash existed
        if (a.hash() != 0 && Long.bitCount(a.hash() ^ b.hash()) <= MAX_DUPLICATE_BITS) {
            return true;
        }
        // flat areas make the hash's neighbour comparisons flip on a re-save: the measures must agree closely too
        double colour = Math.abs(a.meanRgb()[0] - b.meanRgb()[0]) + Math.abs(a.meanRgb()[1] - b.meanRgb()[1])
                + Math.abs(a.meanRgb()[2] - b.meanRgb()[2]);
        return Long.bitCount(a.hash() ^ b.hash()) <= 2 * MAX_DUPLICATE_BITS && colour < 25
                && Math.abs(a.contrast() - b.contrast()) < 3 && Math.abs(a.edgeDensity() - b.edgeDensity()) < 0.01
                && Math.abs(a.chroma() - b.chroma()) < 4;
    }

    private static void audio(Subcategory subcategory, List<MeasuredAssets.Measured> usable, List<String> errors,
                              List<String> warnings) {
        boolean voice = false;
        boolean music = false;
        for (MeasuredAssets.Measured m : usable) {
            AudioFacts f = m.facts().audio();
            String id = m.asset().id();
            if (f.seconds() < subcategory.minAudioSeconds()) {
                errors.add(id + ": " + String.format(Locale.ROOT, "%.1f", f.seconds()) + " s of audio, at least "
                        + subcategory.minAudioSeconds() + " s needed");
            }
            if (f.clipping() > MAX_CLIPPING) {
                warnings.add(id + ": clipped (" + String.format(Locale.ROOT, "%.2f", f.clipping() * 100)
                        + "% of samples at full scale); record at a lower level");
            }
            if (noisy(f)) {
                warnings.add(id + ": background noise (" + String.format(Locale.ROOT, "%.0f", f.noiseFloorDb())
                        + " dBFS floor); record without background noise");
            }
            if (f.content() == AudioFacts.Content.SILENCE) {
                warnings.add(id + ": silent");
            }
            if (subcategory.output() == Subcategory.Output.SPEECH && f.stereoWidth() > MAX_STEREO_WIDTH) {
                warnings.add(id + ": stereo with different channels; a single voice recorded in mono is best");
            }
            voice |= f.content() == AudioFacts.Content.SPEECH;
            music |= f.content() == AudioFacts.Content.MUSIC;
        }
        long untagged = usable.stream().filter(m -> m.asset().tags().isEmpty()).count();
        if (untagged > 0) {
            warnings.add(untagged + " audio assets have no tags; tag their style, content type and details");
        }
        if (subcategory.needsVoiceAndMusic() && !usable.isEmpty() && (!voice || !music)) {
            warnings.add("jingles need at least one asset with voice and one with music; " + (voice ? "no music" : "no voice")
                    + " found");
        }
    }

    /** CM-MOD-3 (one style per model): images whose brightness or aspect differ a lot are probably more than one style. */
    private static List<String> styleSpread(List<MeasuredAssets.Measured> usable) {
        List<String> warnings = new ArrayList<>();
        if (usable.size() < 2) {
            return warnings;
        }
        double minLuma = Double.MAX_VALUE, maxLuma = 0, minAspect = Double.MAX_VALUE, maxAspect = 0;
        for (MeasuredAssets.Measured m : usable) {
            ImageFacts f = m.facts().image();
            double luma = 0.299 * f.meanRgb()[0] + 0.587 * f.meanRgb()[1] + 0.114 * f.meanRgb()[2];
            double aspect = (double) f.width() / f.height();
            minLuma = Math.min(minLuma, luma);
            maxLuma = Math.max(maxLuma, luma);
            minAspect = Math.min(minAspect, aspect);
            maxAspect = Math.max(maxAspect, aspect);
        }
        if (maxLuma - minLuma > MAX_BRIGHTNESS_SPREAD) {
            warnings.add(String.format(Locale.ROOT, "inconsistent style: mean brightness ranges from %.0f to %.0f of 255;"
                    + " a model should have one style, so train different styles as separate models", minLuma, maxLuma));
        }
        if (maxAspect / minAspect > MAX_ASPECT_SPREAD) {
            warnings.add(String.format(Locale.ROOT, "inconsistent style: aspect ratios range from %.2f to %.2f;"
                    + " a model should have one style, so train different formats as separate models", minAspect, maxAspect));
        }
        return warnings;
    }
}
