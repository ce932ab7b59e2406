package app.go.testing;

import app.go.domain.creation.Pixels;

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
 * variants; drawings on a common paper tone or white and their copies (the near-duplicate check's
 * hard cases); voice-like, music-like, noisy, clipped and stereo recordings.
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

    /** Paper tones drawings are made on: cream paper and plain white. */
    public static final Color PAPER = new Color(240, 232, 214);
    public static final Color WHITE_PAPER = Color.WHITE;

    /** What a drawing on a common ground shows: {@link #drawing} varies the subject, not the ground. */
    public enum Drawing { LINE_ART, FLASH, SMALL_MOTIF, FLASH_SHEET }

    /**
     * A distinct drawing on a plain ground, the hard case for a near-duplicate check: most of the image
     * is the same paper, only the ink differs. Line art is black strokes of a figure in the middle; flash
     * is bold outlined shapes with flat colour; a small motif covers a fifth of the sheet; a flash sheet
     * is a 3x3 grid of small designs, so two sheets share their layout and differ only in the items.
     */
    public static BufferedImage drawing(Drawing kind, long seed, Color ground, int side) {
        Random r = new Random(seed);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(ground);
        g.fillRect(0, 0, side, side);
        switch (kind) {
            case LINE_ART -> figure(g, r, side * 0.5, side * 0.5, side * (0.3 + r.nextDouble() * 0.15), 12 + r.nextInt(14), false);
            case FLASH -> figure(g, r, side * 0.5, side * 0.5, side * (0.28 + r.nextDouble() * 0.12), 5 + r.nextInt(5), true);
            case SMALL_MOTIF -> figure(g, r, side * (0.4 + r.nextDouble() * 0.2), side * (0.4 + r.nextDouble() * 0.2),
                    side * 0.11, 6 + r.nextInt(6), r.nextBoolean());
            case FLASH_SHEET -> {
                for (int row = 0; row < 3; row++) {
                    for (int col = 0; col < 3; col++) {
                        figure(g, r, side * (col + 0.5) / 3, side * (row + 0.5) / 3, side * 0.12, 3 + r.nextInt(4), true);
                    }
                }
            }
        }
        g.dispose();
        return image;
    }

    /** Strokes (and, for flash, flat-coloured shapes with a bold outline) within radius of a centre. */
    private static void figure(Graphics2D g, Random r, double cx, double cy, double radius, int parts, boolean flash) {
        Color[] inks = {new Color(200, 30, 35), new Color(30, 120, 60), new Color(235, 180, 30), new Color(40, 70, 160)};
        float outline = (float) Math.max(2, radius / 25);
        for (int i = 0; i < parts; i++) {
            double x = cx + r.nextGaussian() * radius / 2.5;
            double y = cy + r.nextGaussian() * radius / 2.5;
            if (flash) {
                double w = radius * (0.2 + r.nextDouble() * 0.6);
                double h = radius * (0.2 + r.nextDouble() * 0.6);
                java.awt.Shape shape = r.nextBoolean() ? new Ellipse2D.Double(x - w / 2, y - h / 2, w, h)
                        : star(x, y, w / 2, 3 + r.nextInt(5), r.nextDouble());
                g.setColor(inks[r.nextInt(inks.length)]);
                g.fill(shape);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(outline * 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
            } else {
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(outline * (0.5f + r.nextFloat()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new java.awt.geom.CubicCurve2D.Double(x, y, x + r.nextGaussian() * radius / 2, y + r.nextGaussian() * radius / 2,
                        x + r.nextGaussian() * radius / 2, y + r.nextGaussian() * radius / 2,
                        x + r.nextGaussian() * radius / 1.5, y + r.nextGaussian() * radius / 1.5));
            }
        }
    }

    private static java.awt.Shape star(double cx, double cy, double radius, int points, double turn) {
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        for (int i = 0; i < points * 2; i++) {
            double a = turn * Math.PI + Math.PI * i / points;
            double d = i % 2 == 0 ? radius : radius * 0.45;
            if (i == 0) {
                path.moveTo(cx + d * Math.cos(a), cy + d * Math.sin(a));
            } else {
                path.lineTo(cx + d * Math.cos(a), cy + d * Math.sin(a));
            }
        }
        path.closePath();
        return path;
    }

    /** How the same work comes back a second time: each keeps the drawing and changes its file. */
    public enum Variant { JPEG, RESIZED, CROPPED, BRIGHTER, SPECKLED }

    public static byte[] variant(BufferedImage image, Variant variant) {
        int side = image.getWidth();
        return switch (variant) {
            case JPEG -> jpeg(image, 0.75f);
            case RESIZED -> png(Pixels.scaled(image, side * 3 / 4, 1));
            case CROPPED -> { // 4 % off the left and top, 2 % off the right and bottom
                int x = side * 4 / 100;
                int w = side - x - side * 2 / 100;
                yield png(copy(image.getSubimage(x, x, w, w)));
            }
            case BRIGHTER -> {
                BufferedImage copy = copy(image);
                for (int y = 0; y < copy.getHeight(); y++) {
                    for (int x = 0; x < copy.getWidth(); x++) {
                        int rgb = copy.getRGB(x, y);
                        copy.setRGB(x, y, (clamp((int) (((rgb >> 16) & 0xff) * 1.08 + 10)) << 16)
                                | (clamp((int) (((rgb >> 8) & 0xff) * 1.08 + 10)) << 8) | clamp((int) ((rgb & 0xff) * 1.08 + 10)));
                    }
                }
                yield jpeg(copy, 0.9f);
            }
            case SPECKLED -> { // scanner dust: three dark specks in the margins
                BufferedImage copy = copy(image);
                Graphics2D g = copy.createGraphics();
                g.setColor(new Color(60, 55, 50));
                int d = Math.max(2, side / 300);
                g.fillOval(side / 40, side / 30, d, d);
                g.fillOval(side - side / 25, side / 2, d, d);
                g.fillOval(side / 3, side - side / 35, d, d);
                g.dispose();
                yield jpeg(copy, 0.85f);
            }
        };
    }

    /** A drawing photographed rather than scanned: the light falls off by up to a fifth towards the corners. */
    public static BufferedImage photographed(BufferedImage image) {
        BufferedImage copy = copy(image);
        int w = copy.getWidth();
        int h = copy.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - w / 2.0) / (w / 2.0);
                double dy = (y - h / 2.0) / (h / 2.0);
                double light = 1 - 0.1 * (dx * dx + dy * dy);
                int rgb = copy.getRGB(x, y);
                copy.setRGB(x, y, (clamp((int) (((rgb >> 16) & 0xff) * light)) << 16)
                        | (clamp((int) (((rgb >> 8) & 0xff) * light)) << 8) | clamp((int) ((rgb & 0xff) * light)));
            }
        }
        return copy;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
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
