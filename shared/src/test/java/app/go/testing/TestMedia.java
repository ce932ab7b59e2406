package app.go.testing;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Generated media for tests: images and audio of a known size. */
public final class TestMedia {
    private TestMedia() {}

    /** A PNG of the given size, filled with one colour. */
    public static byte[] png(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A silent 8 kHz mono 8-bit WAV of the given length. */
    public static byte[] wav(double seconds) {
        float rate = 8_000f;
        int frames = (int) Math.round(seconds * rate);
        AudioFormat format = new AudioFormat(rate, 8, 1, true, false);
        AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(new byte[frames]), format, frames);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
