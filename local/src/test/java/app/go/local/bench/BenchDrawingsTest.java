package app.go.local.bench;

import app.go.testing.LabelledMedia;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The shared tests measure the bench's images without the bench: this keeps their copy in step. */
class BenchDrawingsTest {

    @Test
    @DisplayName("CM-AST-6 the training bench's drawings are the ones the shared near-duplicate test checks (LabelledMedia.benchArtwork)")
    void sameDrawings() {
        for (int i : new int[]{0, 1, 30, TrainingBench.IMAGES - 1}) {
            BufferedImage bench = TrainingBench.artwork(i);
            BufferedImage copy = LabelledMedia.benchArtwork(i, TrainingBench.SIDE);
            int side = TrainingBench.SIDE;
            assertArrayEquals(bench.getRGB(0, 0, side, side, null, 0, side), copy.getRGB(0, 0, side, side, null, 0, side),
                    "drawing " + i);
        }
    }
}
