package app.go.adapter.media;

import app.go.domain.creation.ImageFacts;
import app.go.domain.creation.Pixels;

import java.awt.RenderingHints;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The image measures behind the asset checks (CM-AST-3/6) and the offline style profile. */
final class ImageMeasures {
    /** Analysis happens on a copy of at most this side, so a 1024² and a 4096² image cost the same. */
    static final int ANALYSIS_SIDE = 384;
    private static final int EDGE_GRADIENT = 48;

    private ImageMeasures() {}

    static ImageFacts measure(BufferedImage image) {
        BufferedImage small = Pixels.scaled(image, ANALYSIS_SIDE, 1);
        int w = small.getWidth();
        int h = small.getHeight();
        int[] rgb = small.getRGB(0, 0, w, h, null, 0, w);
        double[] luma = new double[rgb.length];
        double[] sum = new double[3];
        double chroma = 0;
        int[] bins = new int[4096];
        for (int i = 0; i < rgb.length; i++) {
            int r = (rgb[i] >> 16) & 0xff;
            int g = (rgb[i] >> 8) & 0xff;
            int b = rgb[i] & 0xff;
            sum[0] += r;
            sum[1] += g;
            sum[2] += b;
            chroma += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
            luma[i] = 0.299 * r + 0.587 * g + 0.114 * b;
            bins[((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4)]++;
        }
        int n = rgb.length;
        double mean = 0;
        for (double l : luma) {
            mean += l;
        }
        mean /= n;
        double variance = 0;
        for (double l : luma) {
            variance += (l - mean) * (l - mean);
        }
        double[] edges = edgesAndSharpness(luma, w, h);
        return new ImageFacts(image.getWidth(), image.getHeight(), palette(bins), new double[]{sum[0] / n, sum[1] / n, sum[2] / n},
                chroma / n, Math.sqrt(variance / n), edges[0], edges[1], differenceHash(small), textScore(luma, w, h),
                inkHash(luma, w, h));
    }

    /** Up to 5 frequent colours (12-bit bins), skipping colours close to one already chosen. */
    private static List<String> palette(int[] bins) {
        List<String> result = new ArrayList<>();
        List<int[]> chosen = new ArrayList<>();
        boolean[] used = new boolean[bins.length];
        while (result.size() < 5) {
            int best = -1;
            for (int i = 0; i < bins.length; i++) {
                if (!used[i] && bins[i] > 0 && (best < 0 || bins[i] > bins[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            int[] c = {((best >> 8) & 0xf) * 17, ((best >> 4) & 0xf) * 17, (best & 0xf) * 17};
            if (chosen.stream().anyMatch(o -> Math.abs(o[0] - c[0]) + Math.abs(o[1] - c[1]) + Math.abs(o[2] - c[2]) < 60)) {
                continue;
            }
            chosen.add(c);
            result.add(String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]));
        }
        return result;
    }

    /** [share of edge pixels, variance of the Laplacian on edge pixels]. */
    private static double[] edgesAndSharpness(double[] luma, int w, int h) {
        long edgePixels = 0;
        double lapSum = 0;
        double lapSq = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double gx = luma[i + 1] - luma[i - 1];
                double gy = luma[i + w] - luma[i - w];
                if (Math.abs(gx) + Math.abs(gy) < EDGE_GRADIENT) {
                    continue;
                }
                double lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                edgePixels++;
                lapSum += lap;
                lapSq += lap * lap;
            }
        }
        int inner = Math.max(1, (w - 2) * (h - 2));
        if (edgePixels == 0) {
            return new double[]{0, 0};
        }
        double m = lapSum / edgePixels;
        return new double[]{edgePixels / (double) inner, lapSq / edgePixels - m * m};
    }

    /** dHash: 9x8 grey thumbnail, one bit per horizontal neighbour pair. */
    private static long differenceHash(BufferedImage image) {
        BufferedImage thumb = new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = thumb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, 9, 8, null);
        g.dispose();
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int left = thumb.getRaster().getSample(x, y, 0);
                int right = thumb.getRaster().getSample(x + 1, y, 0);
                hash = (hash << 1) | (left > right ? 1 : 0);
            }
        }
        return hash;
    }

    /** Luma above or below the neighbourhood's mean (radius {@value #GROUND_RADIUS} px at the analysis size) that makes a pixel ink. */
    private static final double INK_CONTRAST = 30;
    private static final int GROUND_RADIUS = 16;
    /** Share of the ink left out on each side of its box, so specks of dust in the margin do not widen it. */
    private static final double INK_TRIM = 0.01;
    private static final int DCT_SIDE = 32;
    private static final int DCT_KEPT = 8;
    /** cos((2x + 1) k pi / 2N): the DCT-II basis, frequency k by position x. */
    private static final double[][] COSINES = new double[DCT_KEPT][DCT_SIDE];

    static {
        for (int k = 0; k < DCT_KEPT; k++) {
            for (int x = 0; x < DCT_SIDE; x++) {
                COSINES[k][x] = Math.cos((2 * x + 1) * k * Math.PI / (2 * DCT_SIDE));
            }
        }
    }

    /**
     * A perceptual hash of the drawing without its ground. The ground is what varies slowly (paper,
     * a white sheet, the light falling off on a photographed page): each pixel's luma less its
     * neighbourhood's mean leaves the ink. The hash is a DCT hash (low frequencies against their
     * median) of that ink inside the box around it, less the outermost 1 % of the ink on each side,
     * scaled to 32x32. Distinct drawings on the same paper differ in it where the difference hash,
     * which mostly sees the paper, does not; a copy that is re-encoded, resized, brightened, cropped
     * in the margin or specked with dust keeps its box and so its hash.
     */
    private static long inkHash(double[] luma, int w, int h) {
        double[] ground = boxMean(luma, w, h, GROUND_RADIUS);
        double[] ink = new double[luma.length];
        int[] columns = new int[w];
        int[] rows = new int[h];
        int inked = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                ink[i] = luma[i] - ground[i];
                if (Math.abs(ink[i]) > INK_CONTRAST) {
                    columns[x]++;
                    rows[y]++;
                    inked++;
                }
            }
        }
        if (inked == 0) {
            return 0; // blank paper
        }
        int trim = (int) (inked * INK_TRIM);
        int minX = edge(columns, trim, 1), maxX = edge(columns, trim, -1);
        int minY = edge(rows, trim, 1), maxY = edge(rows, trim, -1);
        double[] cells = new double[DCT_SIDE * DCT_SIDE];
        double cw = (maxX - minX + 1) / (double) DCT_SIDE;
        double ch = (maxY - minY + 1) / (double) DCT_SIDE;
        for (int cy = 0; cy < DCT_SIDE; cy++) {
            int y0 = minY + (int) (cy * ch);
            int y1 = Math.max(y0 + 1, minY + (int) ((cy + 1) * ch));
            for (int cx = 0; cx < DCT_SIDE; cx++) {
                int x0 = minX + (int) (cx * cw);
                int x1 = Math.max(x0 + 1, minX + (int) ((cx + 1) * cw));
                double sum = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        sum += Math.abs(ink[y * w + x]);
                    }
                }
                cells[cy * DCT_SIDE + cx] = sum / ((y1 - y0) * (x1 - x0));
            }
        }
        double[] low = new double[DCT_KEPT * DCT_KEPT];
        for (int v = 0; v < DCT_KEPT; v++) {
            for (int u = 0; u < DCT_KEPT; u++) {
                double sum = 0;
                for (int y = 0; y < DCT_SIDE; y++) {
                    for (int x = 0; x < DCT_SIDE; x++) {
                        sum += cells[y * DCT_SIDE + x] * COSINES[v][y] * COSINES[u][x];
                    }
                }
                low[v * DCT_KEPT + u] = sum;
            }
        }
        double[] ac = Arrays.copyOfRange(low, 1, low.length); // the mean (DC) says only how much ink
        double[] sorted = ac.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        long hash = 1; // the top bit marks a measured hash, so a blank page's 0 differs from all
        for (double a : ac) {
            hash = (hash << 1) | (a > median ? 1 : 0);
        }
        return hash;
    }

    /** The first index (from the start, step 1, or from the end, step -1) after {@code trim} counted marks. */
    private static int edge(int[] counts, int trim, int step) {
        int i = step > 0 ? 0 : counts.length - 1;
        int seen = counts[i];
        while (seen <= trim && i + step >= 0 && i + step < counts.length) {
            i += step;
            seen += counts[i];
        }
        return i;
    }

    /**
     * Text and watermarks are runs of small, similar, high-contrast marks side by side. Marks are
     * pixels brighter (or, separately, darker) than their neighbourhood's mean: one polarity at a
     * time, so the background between light letters does not join them. Their connected components
     * of glyph size are chained left to right when they share a baseline band, have similar heights
     * and stand at most a glyph's height apart; the score is the share of the image covered by the
     * boxes of chains of at least {@value #MIN_GLYPHS_IN_A_RUN} glyphs.
     */
    static final int MIN_GLYPHS_IN_A_RUN = 4;

    private static double textScore(double[] luma, int w, int h) {
        double[] local = boxMean(luma, w, h, TEXT_RADIUS);
        double covered = 0;
        for (int polarity : new int[]{1, -1}) {
            boolean[] ink = new boolean[luma.length];
            for (int i = 0; i < luma.length; i++) {
                ink[i] = polarity * (luma[i] - local[i]) > TEXT_CONTRAST;
            }
            covered += runsCoverage(glyphs(ink, w, h), h);
        }
        return covered / (w * (double) h);
    }

    /** Neighbourhood (radius, px at the analysis size) a mark is compared with, and by how much (luma) it must differ. */
    private static final int TEXT_RADIUS = 6;
    private static final double TEXT_CONTRAST = 24;
    /** Largest gap between neighbouring glyphs of a run, in glyph heights. */
    private static final double MAX_GAP = 1.0;
    /** A run's glyphs have their centres within 1/BAND of the first glyph's height of its centre. */
    private static final double BAND = 3.0;

    /** Connected components of glyph size and shape: [minX, minY, width, height]. */
    private static List<int[]> glyphs(boolean[] ink, int w, int h) {
        int[] label = new int[ink.length];
        List<int[]> glyphs = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int next = 0;
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || label[start] != 0) {
                continue;
            }
            next++;
            int minX = w, minY = h, maxX = 0, maxY = 0, area = 0;
            queue.add(start);
            label[start] = next;
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int x = p % w;
                int y = p / w;
                area++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                int[] around = {p - 1, p + 1, p - w, p + w};
                for (int q : around) {
                    if (q < 0 || q >= ink.length || label[q] != 0 || !ink[q]) {
                        continue;
                    }
                    if ((q == p - 1 && x == 0) || (q == p + 1 && x == w - 1)) {
                        continue;
                    }
                    label[q] = next;
                    queue.add(q);
                }
            }
            int bw = maxX - minX + 1;
            int bh = maxY - minY + 1;
            double fill = area / (double) (bw * bh);
            if (bh >= 4 && bh <= h / 8 && bw <= bh * 2 && area >= 6 && fill > 0.12 && fill < 0.85) {
                glyphs.add(new int[]{minX, minY, bw, bh});
            }
        }
        return glyphs;
    }

    /** Area of the glyphs in runs: same band (vertical centres within half a height), similar heights, small gaps. */
    private static double runsCoverage(List<int[]> glyphs, int h) {
        glyphs.sort((a, b) -> Integer.compare(a[0], b[0]));
        boolean[] used = new boolean[glyphs.size()];
        double covered = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            if (used[i]) {
                continue;
            }
            List<Integer> run = new ArrayList<>(List.of(i));
            int[] first = glyphs.get(i);
            int[] last = first;
            // the band is the first glyph's: a sloped stroke cut into pieces drifts out of it, a line of text does not
            double centre = first[1] + first[3] / 2.0;
            for (int j = i + 1; j < glyphs.size(); j++) {
                int[] o = glyphs.get(j);
                if (o[0] > last[0] + last[2] + MAX_GAP * last[3]) {
                    break;
                }
                double other = o[1] + o[3] / 2.0;
                if (!used[j] && Math.abs(centre - other) <= first[3] / BAND && Math.abs(o[3] - first[3]) <= Math.max(2, first[3] / 3)) {
                    run.add(j);
                    last = o;
                }
            }
            if (run.size() >= MIN_GLYPHS_IN_A_RUN) {
                for (int j : run) {
                    used[j] = true;
                    covered += glyphs.get(j)[2] * (double) glyphs.get(j)[3];
                }
            }
        }
        return covered;
    }

    private static double[] boxMean(double[] values, int w, int h, int radius) {
        double[] integral = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += values[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        double[] result = new double[values.length];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - radius);
            int y1 = Math.min(h, y + radius + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - radius);
                int x1 = Math.min(w, x + radius + 1);
                double s = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0]
                        + integral[y0 * (w + 1) + x0];
                result[y * w + x] = s / ((x1 - x0) * (double) (y1 - y0));
            }
        }
        return result;
    }
}
