package app.go.domain.creation;

import java.util.List;

/**
 * What an image looks like to the asset checks and the trainer, measured once when it is uploaded.
 *
 * @param palette     up to 5 dominant colours, "#rrggbb", most frequent first
 * @param meanRgb     mean colour, channels 0..255
 * @param chroma      mean spread between a pixel's channels (0 = black-and-white)
 * @param contrast    standard deviation of the luma (0..128)
 * @param edgeDensity share of pixels on an edge (0..1)
 * @param sharpness   variance of the Laplacian on edge pixels (low = blurry)
 * @param hash        64-bit difference hash (near-duplicates differ in few bits)
 * @param textScore   share of the image covered by glyph-like marks in rows (text or a watermark)
 * @param inkHash     63-bit DCT hash of the drawing without its ground (see {@code ImageMeasures}); null in
 *                    facts measured before it existed
 */
public record ImageFacts(int width, int height, List<String> palette, double[] meanRgb, double chroma, double contrast,
                         double edgeDensity, double sharpness, long hash, double textScore,
                         Long inkHash) {

    public ImageFacts {
        palette = palette == null ? List.of() : List.copyOf(palette);
    }

    public boolean monochrome() {
        return chroma < 8;
    }
}
