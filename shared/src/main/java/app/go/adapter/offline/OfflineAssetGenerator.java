package app.go.adapter.offline;

import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.ImageSize;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.Pixels;
import app.go.domain.creation.StyleProfile;
import app.go.domain.creation.Subcategories;
import app.go.domain.creation.Subcategory;
import app.go.domain.port.AssetGenerator;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The local twin of the deployed generators, for running without a network (never deployed:
 * CM-GEN-8). Its output is drawn from the trained {@link StyleProfile}, so a developer sees the
 * pipeline work: same model, training, prompt and units, same bytes.
 *
 * <ul>
 *   <li>IMAGE: the requested size, else {@value #IMAGE_SIDE} px on the long side in the profile's aspect; a gradient of the
 *       learned palette, shapes and strokes in it (as many strokes as the set has line work,
 *       contrast as measured, black-and-white when the set is), placed by the prompt.</li>
 *   <li>AUDIO: a 22.05 kHz mono WAV of {@code units} seconds: voiced syllables with pauses for a
 *       voice (SPEECH), a chord melody for MUSIC.</li>
 *   <li>TEXT: {@code units} words recombined from the seller's sample texts and the prompt; never
 *       the seller's private instructions (CM-MOD-4).</li>
 * </ul>
 */
public final class OfflineAssetGenerator implements AssetGenerator {
    public static final int IMAGE_SIDE = 1024;
    public static final int MAX_AUDIO_SECONDS = 120;
    public static final int MAX_WORDS = 2_000;
    private static final float SAMPLE_RATE = 22_050f;

    private final Subcategories subcategories;

    public OfflineAssetGenerator() {
        this(Subcategories.standard());
    }

    public OfflineAssetGenerator(Subcategories subcategories) {
        this.subcategories = subcategories;
    }

    @Override
    public GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units) {
        return generate(model, styleProfileJson, prompt, units, null);
    }

    @Override
    public GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units, ImageSize size) {
        StyleProfile profile = StyleProfile.parse(styleProfileJson);
        Subcategory subcategory = subcategories.require(model.subcategory());
        Random random = new Random(seed(model, profile, prompt, units));
        return switch (subcategory.mediaKind()) {
            case IMAGE -> new GeneratedAsset(MediaKind.IMAGE, "image/png", image(profile, random, size), false);
            case AUDIO -> new GeneratedAsset(MediaKind.AUDIO, "audio/wav",
                    audio(subcategory.output() == Subcategory.Output.SPEECH, units, random), false);
            case TEXT -> new GeneratedAsset(MediaKind.TEXT, "text/plain; charset=utf-8",
                    text(profile, prompt, units, random).getBytes(StandardCharsets.UTF_8), false);
        };
    }

    // ---- images --------------------------------------------------------------------------------

    private static byte[] image(StyleProfile profile, Random random, ImageSize size) {
        double aspect = Math.max(0.5, Math.min(2.0, profile.aspect()));
        int width = size != null ? size.width() : aspect >= 1 ? IMAGE_SIDE : (int) Math.round(IMAGE_SIDE * aspect);
        int height = size != null ? size.height() : aspect >= 1 ? (int) Math.round(IMAGE_SIDE / aspect) : IMAGE_SIDE;
        List<Color> palette = palette(profile);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, palette.get(0), width, height, palette.get(palette.size() > 1 ? 1 : 0)));
        g.fillRect(0, 0, width, height);
        double contrast = Math.max(0.3, Math.min(1.0, profile.contrast() / 64));
        int shapes = 6 + random.nextInt(6);
        for (int i = 0; i < shapes; i++) {
            Color c = toward(palette.get(random.nextInt(palette.size())), palette.get(0), 1 - contrast);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150 + random.nextInt(100)));
            double r = (0.05 + random.nextDouble() * 0.25) * width;
            g.fill(new Ellipse2D.Double(random.nextDouble() * width - r / 2, random.nextDouble() * height - r / 2, r, r));
        }
        int strokes = (int) Math.round(4 + Math.min(0.5, profile.edgeDensity()) * 200);
        for (int i = 0; i < strokes; i++) {
            Color c = palette.get(palette.size() - 1 - random.nextInt(Math.min(2, palette.size())));
            g.setColor(toward(c, palette.get(0), 1 - contrast));
            g.setStroke(new BasicStroke(1.5f + random.nextFloat() * 6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * height;
            double span = width * (0.05 + random.nextDouble() * 0.3);
            g.draw(new CubicCurve2D.Double(x, y, x + random.nextGaussian() * span, y + random.nextGaussian() * span,
                    x + random.nextGaussian() * span, y + random.nextGaussian() * span,
                    x + random.nextGaussian() * span, y + random.nextGaussian() * span));
        }
        g.dispose();
        if (profile.monochrome()) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = image.getRGB(x, y);
                    int l = (int) (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
                    image.setRGB(x, y, (l << 16) | (l << 8) | l);
                }
            }
        }
        return Pixels.png(image);
    }

    private static List<Color> palette(StyleProfile profile) {
        List<Color> colours = new ArrayList<>();
        for (String hex : profile.palette()) {
            try {
                colours.add(Color.decode(hex));
            } catch (NumberFormatException ignored) {
                // an unreadable entry is skipped
            }
        }
        if (colours.isEmpty()) {
            colours.add(new Color(0xf2efe6));
            colours.add(new Color(0x23303f));
        }
        return colours;
    }

    private static Color toward(Color c, Color target, double share) {
        return new Color((int) (c.getRed() + (target.getRed() - c.getRed()) * share),
                (int) (c.getGreen() + (target.getGreen() - c.getGreen()) * share),
                (int) (c.getBlue() + (target.getBlue() - c.getBlue()) * share));
    }

    // ---- audio ---------------------------------------------------------------------------------

    private static byte[] audio(boolean speech, int units, Random random) {
        int seconds = Math.max(1, Math.min(MAX_AUDIO_SECONDS, units));
        int frames = (int) (seconds * SAMPLE_RATE);
        byte[] pcm = new byte[frames * 2];
        double pitch = speech ? 110 + random.nextInt(80) : 220 + random.nextInt(110);
        double[] melody = {1, 1.25, 1.5, 2, 1.5, 1.25};
        for (int i = 0; i < frames; i++) {
            double t = i / SAMPLE_RATE;
            double value;
            if (speech) {
                double syllable = t * 4 % 1;
                boolean pause = (t % 2.5) > 2.1;
                double envelope = pause ? 0 : Math.sin(Math.PI * syllable);
                double f0 = pitch * (1 + 0.1 * Math.sin(2 * Math.PI * 0.7 * t));
                value = envelope * (0.5 * Math.sin(2 * Math.PI * f0 * t) + 0.25 * Math.sin(2 * Math.PI * 3 * f0 * t)
                        + 0.12 * Math.sin(2 * Math.PI * 7 * f0 * t));
            } else {
                double note = pitch * melody[(int) (t * 2) % melody.length];
                value = 0.3 * Math.sin(2 * Math.PI * note * t) + 0.2 * Math.sin(2 * Math.PI * note * 1.5 * t)
                        + 0.15 * Math.sin(2 * Math.PI * pitch / 2 * t);
            }
            short sample = (short) (value * 20_000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- text ----------------------------------------------------------------------------------

    private static String text(StyleProfile profile, String prompt, int units, Random random) {
        int words = Math.max(1, Math.min(MAX_WORDS, units));
        List<String> topic = words(prompt);
        List<String> style = new ArrayList<>();
        profile.samples().forEach(s -> style.addAll(words(s)));
        if (style.isEmpty()) {
            style.addAll(topic);
        }
        if (style.isEmpty()) {
            style.add("draft");
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < words; i++) {
            boolean fromTopic = !topic.isEmpty() && (i % 12 == 0 || random.nextInt(5) == 0);
            String word = fromTopic ? topic.get(random.nextInt(topic.size())) : style.get(random.nextInt(style.size()));
            boolean sentenceStart = i % 12 == 0;
            if (i > 0) {
                body.append(sentenceStart ? ". " : " ");
            }
            body.append(sentenceStart ? capitalize(word) : word.toLowerCase(Locale.ROOT));
        }
        return body.append('.').toString();
    }

    private static List<String> words(String text) {
        List<String> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String w : text.strip().split("[\\s.,;:!?\"()]+")) {
            if (!w.isEmpty()) {
                result.add(w);
            }
        }
        return result;
    }

    private static String capitalize(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT);
    }

    private static long seed(Model model, StyleProfile profile, String prompt, int units) {
        String material = model.id() + "|" + profile.trainingId() + "|" + prompt + "|" + units;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
