package app.go.adapter.offline;

import app.go.domain.port.AssetGenerator;
import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.Subcategories;
import app.go.domain.creation.Subcategory;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
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

/**
 * A deterministic {@link AssetGenerator} for running without a network: it draws from the trained
 * style profile only (same model, training, prompt and units, same bytes).
 *
 * <ul>
 *   <li>IMAGE: a small PNG in the profile's mean colour and aspect, with soft discs placed by the
 *       prompt; the watermark is a pattern of light diagonal stripes over the pixels.</li>
 *   <li>AUDIO: an 8 kHz mono WAV tone of {@code units} seconds (at most {@value #MAX_AUDIO_SECONDS});
 *       the watermark is a short high beep every two seconds.</li>
 *   <li>TEXT: {@code units} words (at most {@value #MAX_WORDS}) built from the prompt and the seller's
 *       instructions; the watermark is a marker line before and after.</li>
 * </ul>
 * No fonts are used, so it runs on a headless Lambda runtime.
 */
public final class OfflineAssetGenerator implements AssetGenerator {
    public static final int IMAGE_HEIGHT = 96;
    public static final int MAX_AUDIO_SECONDS = 60;
    public static final int MAX_WORDS = 2_000;
    public static final String TEXT_WATERMARK = "[Go preview - watermarked draft]";
    private static final float SAMPLE_RATE = 8_000f;

    private final Subcategories subcategories;

    public OfflineAssetGenerator() {
        this(Subcategories.standard());
    }

    public OfflineAssetGenerator(Subcategories subcategories) {
        this.subcategories = subcategories;
    }

    @Override
    public GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units, boolean watermark) {
        JsonNode profile = Json.parse(styleProfileJson == null ? "{}" : new String(styleProfileJson, StandardCharsets.UTF_8));
        MediaKind kind = subcategories.find(model.subcategory()).map(Subcategory::mediaKind).orElse(MediaKind.IMAGE);
        byte[] seed = seed(model, profile, prompt, units);
        return switch (kind) {
            case IMAGE -> new GeneratedAsset(kind, "image/png", image(profile.path("style"), seed, watermark), watermark);
            case AUDIO -> new GeneratedAsset(kind, "audio/wav", audio(seed, units, watermark), watermark);
            case TEXT -> new GeneratedAsset(kind, "text/plain; charset=utf-8",
                    text(model, prompt, units, watermark).getBytes(StandardCharsets.UTF_8), watermark);
        };
    }

    // ---- images --------------------------------------------------------------------------------

    private static byte[] image(JsonNode style, byte[] seed, boolean watermark) {
        int[] base = {128, 128, 128};
        JsonNode rgb = style.path("meanRgb");
        if (rgb.isArray() && rgb.size() == 3) {
            for (int i = 0; i < 3; i++) {
                base[i] = clamp((int) Math.round(rgb.get(i).asDouble(128)));
            }
        }
        double aspect = Math.max(0.5, Math.min(2.0, style.path("meanAspect").asDouble(1.0)));
        int height = IMAGE_HEIGHT;
        int width = (int) Math.round(height * aspect);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int discs = 3 + (seed[0] & 3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double shade = 0;
                for (int d = 0; d < discs; d++) {
                    double cx = (seed[1 + d * 3] & 0xff) / 255.0 * width;
                    double cy = (seed[2 + d * 3] & 0xff) / 255.0 * height;
                    double r = 6 + (seed[3 + d * 3] & 0x0f);
                    double dist = Math.hypot(x - cx, y - cy);
                    if (dist < r) {
                        shade += (d % 2 == 0 ? 1 : -1) * 40 * (1 - dist / r);
                    }
                }
                int r = clamp((int) (base[0] + shade));
                int g = clamp((int) (base[1] + shade));
                int b = clamp((int) (base[2] + shade));
                if (watermark && ((x + y) / 6) % 4 == 0) {
                    r = (r + 255 * 2) / 3;
                    g = (g + 255 * 2) / 3;
                    b = (b + 255 * 2) / 3;
                }
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- audio ---------------------------------------------------------------------------------

    private static byte[] audio(byte[] seed, int units, boolean watermark) {
        int seconds = Math.max(1, Math.min(MAX_AUDIO_SECONDS, units));
        int frames = (int) (seconds * SAMPLE_RATE);
        double pitch = 196 + (seed[0] & 0xff);
        byte[] samples = new byte[frames];
        for (int i = 0; i < frames; i++) {
            double t = i / SAMPLE_RATE;
            double value = 0.5 * Math.sin(2 * Math.PI * pitch * t) + 0.2 * Math.sin(2 * Math.PI * pitch * 1.5 * t);
            if (watermark && (t % 2.0) < 0.15) {
                value = 0.8 * Math.sin(2 * Math.PI * 1_000 * t);
            }
            samples[i] = (byte) Math.round(value * 100);
        }
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 8, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(samples), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- text ----------------------------------------------------------------------------------

    private static String text(Model model, String prompt, int units, boolean watermark) {
        int words = Math.max(1, Math.min(MAX_WORDS, units));
        List<String> source = new ArrayList<>();
        source.addAll(words(prompt));
        source.addAll(words(model.instructions()));
        if (source.isEmpty()) {
            source.add("draft");
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = source.get(i % source.size());
            boolean sentenceStart = i % 12 == 0;
            if (i > 0) {
                body.append(sentenceStart ? ". " : " ");
            }
            body.append(sentenceStart ? capitalize(word) : word.toLowerCase(Locale.ROOT));
        }
        body.append('.');
        String styled = (model.name() == null ? "" : model.name() + ": ") + body;
        return watermark ? TEXT_WATERMARK + "\n" + styled + "\n" + TEXT_WATERMARK : styled;
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String w : text.strip().split("[\\s.,;:!?]+")) {
            if (!w.isEmpty()) {
                result.add(w);
            }
        }
        return result;
    }

    private static String capitalize(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static byte[] seed(Model model, JsonNode profile, String prompt, int units) {
        String material = model.id() + "|" + profile.path("trainingId").asText("") + "|" + prompt + "|" + units;
        try {
            return MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }
}
