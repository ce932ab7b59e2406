package app.go.domain.creation;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Image bytes to pixels and back with the JDK (no fonts, so it runs headless on Lambda). */
public final class Pixels {
    private Pixels() {}

    /** Empty when the bytes are no image ImageIO reads. */
    public static Optional<BufferedImage> decode(byte[] bytes) {
        try {
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** The image in an ImageIO format ("png", "jpg"). */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A bilinear RGB copy whose longer side is at most {@code maxSide} (and each side at least {@code minSide}). */
    public static BufferedImage scaled(BufferedImage image, int maxSide, int minSide) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(minSide, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(minSide, (int) Math.round(image.getHeight() * factor));
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return result;
    }
}
