package app.go.testing;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * A generated, labelled media set for measuring the asset checks: artwork-like images (shapes, line
 * work, texture) and their blurred, watermarked, text-covered, greyscale and near-duplicate
 * variants; voice-like, music-like, noisy, clipped and stereo recordings.
 */
public final class LabelledMedia {
    private LabelledMedia() {}

    public static BufferedImage artwork(long seed, int side) {
        Random r = new Random(seed);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color[] palette = new Color[4];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = Color.getHSBColor(r.nextFloat(), 0.35f + r.nextFloat() * 0.6f, 0.3f + r.nextFloat() * 0.7f);
        }
        g.setColor(palette[0]);
        g.fillRect(0, 0, side, side);
        for (int i = 0; i < 8 + r.nextInt(10); i++) {
            g.setColor(palette[1 + r.nextInt(3)]);
            double d = side * (0.08 + r.nextDouble() * 0.4);
            g.fill(new Ellipse2D.Double(r.nextDouble() * side - d / 2, r.nextDouble() * side - d / 2, d, d));
        }
        g.setColor(Color.BLACK);
        for (int i = 0; i < 10 + r.nextInt(30); i++) {
            g.setStroke(new BasicStroke(2 + r.nextFloat() * 8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double x = r.nextDouble() * side;
            double y = r.nextDouble() * side;
            g.draw(new QuadCurve2D.Double(x, y, x + r.nextGaussian() * side / 4, y + r.nextGaussian() * side / 4,
                    x + r.nextGaussian() * side / 3, y + r.nextGaussian() * side / 3));
        }
        g.dispose();
        if (r.nextBoolean()) {
            for (int y = 0; y < side; y += 2) {
                for (int x = 0; x < side; x += 2) {
                    int n = r.nextInt(17) - 8;
                    int rgb = image.getRGB(x, y);
                    image.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + n) << 16) | (clamp(((rgb >> 8) & 0xff) + n) << 8)
                            | clamp((rgb & 0xff) + n));
                }
            }
        }
        return image;
    }

    public static BufferedImage blurred(BufferedImage image, int factor) {
        int side = image.getWidth();
        BufferedImage small = new BufferedImage(side / factor, side / factor, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, small.getWidth(), small.getHeight(), null);
        g.dispose();
        BufferedImage back = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        g = back.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(small, 0, 0, side, side, null);
        g.dispose();
        return back;
    }

    /** A visible "© SAMPLE" mark: semi-transparent, large in the middle, small in a corner. */
    public static BufferedImage watermarked(BufferedImage image, long seed) {
        Random r = new Random(seed);
        BufferedImage copy = copy(image);
        Graphics2D g = copy.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int side = image.getWidth();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f + r.nextFloat() * 0.3f));
        g.setColor(r.nextBoolean() ? Color.WHITE : Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, side / 12));
        g.drawString("\u00a9 SAMPLE", side / 5 + r.nextInt(side / 10), side / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, side / 40));
        g.drawString("\u00a9 studio sample - do not use", side / 20, side - side / 20);
        g.dispose();
        return copy;
    }

    /** A poster: several lines of text over the artwork. */
    public static BufferedImage withText(BufferedImage image, long seed) {
        Random r = new Random(seed);
        BufferedImage copy = copy(image);
        Graphics2D g = copy.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int side = image.getWidth();
        String[] words = {"SUMMER", "SALE", "open air", "festival", "tickets", "friday", "live music", "2026", "all night"};
        g.setColor(r.nextBoolean() ? Color.WHITE : Color.BLACK);
        for (int line = 0; line < 4 + r.nextInt(4); line++) {
            g.setFont(new Font(r.nextBoolean() ? Font.SERIF : Font.SANS_SERIF, Font.BOLD, side / 18 + r.nextInt(side / 30)));
            g.drawString(words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)], side / 12,
                    side / 8 + line * side / 9);
        }
        g.dispose();
        return copy;
    }

    public static BufferedImage grey(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int l = (int) (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
                copy.setRGB(x, y, (l << 16) | (l << 8) | l);
            }
        }
        return copy;
    }

    /** The same work saved again: JPEG at 85 %, slightly brighter. */
    public static byte[] resaved(BufferedImage image) {
        BufferedImage copy = copy(image);
        for (int y = 0; y < copy.getHeight(); y++) {
            for (int x = 0; x < copy.getWidth(); x++) {
                int rgb = copy.getRGB(x, y);
                copy.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + 6) << 16) | (clamp(((rgb >> 8) & 0xff) + 6) << 8)
                        | clamp((rgb & 0xff) + 6));
            }
        }
        return encode(copy, "jpg");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    // ---- audio ---------------------------------------------------------------------------------

    public enum Sound { VOICE, MUSIC, NOISE }

    /** An M4A/AAC recording of the labelled set (fixtures made with FFmpeg: see media/m4a/README.md). */
    public record M4a(String name, Sound sound, boolean clipped, boolean hiss, boolean stereo) {
        public byte[] bytes() {
            try (var in = LabelledMedia.class.getResourceAsStream("/media/m4a/" + name + ".m4a")) {
                if (in == null) {
                    throw new IllegalStateException("missing fixture " + name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final java.util.List<M4a> M4A = java.util.List.of(
            new M4a("voice-v0", Sound.VOICE, false, false, false), new M4a("voice-v1", Sound.VOICE, true, false, false),
            new M4a("voice-v2", Sound.VOICE, false, true, false), new M4a("voice-v3", Sound.VOICE, false, false, true),
            new M4a("music-v0", Sound.MUSIC, false, false, false), new M4a("music-v1", Sound.MUSIC, true, false, false),
            new M4a("music-v3", Sound.MUSIC, false, false, true), new M4a("noise-v0", Sound.NOISE, false, false, false));

    /**
     * @param gain     1 = normal level; above 1 the signal clips
     * @param noiseDb  background noise level in dBFS (e.g. -70 quiet, -35 noisy)
     * @param stereo   left and right carry different signals
     */
    public static byte[] recording(Sound sound, double seconds, long seed, double gain, double noiseDb, boolean stereo) {
        Random r = new Random(seed);
        float rate = 16_000f;
        int frames = (int) (seconds * rate);
        int channels = stereo ? 2 : 1;
        byte[] pcm = new byte[frames * channels * 2];
        double pitch = 100 + r.nextInt(120);
        double noise = Math.pow(10, noiseDb / 20);
        double syllableRate = 3 + r.nextDouble() * 2.5;
        double phraseLength = 1.5 + r.nextDouble() * 2;
        double[] melody = {1, 1.125, 1.25, 1.5, 1.667, 2};
        double otherPitch = pitch * 1.5;
        for (int i = 0; i < frames; i++) {
            double t = i / rate;
            for (int c = 0; c < channels; c++) {
                double p = c == 0 ? pitch : otherPitch;
                double v = switch (sound) {
                    case VOICE -> {
                        boolean pause = (t % (phraseLength + 0.5)) > phraseLength;
                        double env = pause ? 0 : Math.pow(Math.abs(Math.sin(Math.PI * t * syllableRate)), 1.5);
                        double f0 = p * (1 + 0.15 * Math.sin(2 * Math.PI * 0.6 * t));
                        yield env * (0.45 * Math.sin(2 * Math.PI * f0 * t) + 0.2 * Math.sin(2 * Math.PI * 2 * f0 * t)
                                + 0.1 * Math.sin(2 * Math.PI * 3.5 * f0 * t) + 0.05 * r.nextGaussian());
                    }
                    case MUSIC -> {
                        double note = 2 * p * melody[(int) (t * 2.5 + c) % melody.length];
                        yield 0.25 * Math.sin(2 * Math.PI * note * t) + 0.15 * Math.sin(2 * Math.PI * note * 1.5 * t)
                                + 0.12 * Math.sin(2 * Math.PI * p * t) + 0.05 * Math.sin(2 * Math.PI * 4 * note * t);
                    }
                    case NOISE -> 0.2 * r.nextGaussian();
                };
                v = v * gain + noise * r.nextGaussian();
                short s = (short) (Math.max(-1, Math.min(1, v)) * 32767);
                int at = (i * channels + c) * 2;
                pcm[at] = (byte) s;
                pcm[at + 1] = (byte) (s >> 8);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
