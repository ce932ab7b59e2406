package app.go.domain.creation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Synthetic portfolio images: strokes and discs on a cream ground that varies a little per image,
 * one distinct, sharp drawing per index in the same hand. The training bench uploads them and the
 * labelled media set measures them, so both see the same pictures (like {@link PromptSizes}, it
 * serves the bench and the tests, not a request).
 */
public final class SampleArtwork {
    private SampleArtwork() {}

    public static BufferedImage strokesAndDiscs(int index, int side) {
        Random random = new Random(31L * index + 7);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(235, 225 - random.nextInt(20), 210));
        g.fillRect(0, 0, side, side);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(200), random.nextInt(120), random.nextInt(160)));
            g.setStroke(new BasicStroke(4 + random.nextInt(10)));
            int x = random.nextInt(side);
            int y = random.nextInt(side);
            if (i % 3 == 0) {
                int d = 40 + random.nextInt(220);
                g.fillOval(x - d / 2, y - d / 2, d, d);
            } else {
                g.drawLine(x, y, x + random.nextInt(400) - 200, y + random.nextInt(400) - 200);
            }
        }
        g.dispose();
        return image;
    }
}
