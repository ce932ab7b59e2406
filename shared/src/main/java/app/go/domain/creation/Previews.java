package app.go.domain.creation;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * CM-GEN-1, CM-GEN-4: what a client sees before buying. Made from the clean work, which stays in
 * the final blob only:
 * <ul>
 *   <li>IMAGE: scaled down to at most {@value #PREVIEW_SIDE} px and covered by a tiled, visible
 *       "PREVIEW" mark (drawn from a built-in bitmap, no fonts, so it runs on a headless Lambda).</li>
 *   <li>TEXT: an excerpt (the first {@value #EXCERPT_SHARE_PERCENT}% of the words, at most
 *       {@value #MAX_EXCERPT_WORDS}, never all of them; of a text without spaces, the first
 *       {@value #EXCERPT_SHARE_PERCENT}% of its characters) and a note of how much the whole has.</li>
 *   <li>AUDIO: the first {@value #PREVIEW_SECONDS} s (a third when shorter) with a beep every
 *       {@value #BEEP_EVERY_SECONDS} s.</li>
 * </ul>
 */
public final class Previews {
    public static final int PREVIEW_SIDE = 512;
    public static final int MAX_EXCERPT_WORDS = 80;
    public static final int EXCERPT_SHARE_PERCENT = 30;
    /** For a text without word breaks (one word, or a script written without spaces). */
    public static final int MAX_EXCERPT_CHARS = 480;
    public static final int PREVIEW_SECONDS = 10;
    public static final int BEEP_EVERY_SECONDS = 3;
    public static final String TEXT_MARK = "[Go preview - excerpt]";

    private Previews() {}

    public static GeneratedAsset protect(GeneratedAsset clean) {
        return switch (clean.kind()) {
            case IMAGE -> new GeneratedAsset(clean.kind(), "image/png", image(clean.content()), true);
            case TEXT -> new GeneratedAsset(clean.kind(), "text/plain; charset=utf-8",
                    excerpt(new String(clean.content(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), true);
            case AUDIO -> new GeneratedAsset(clean.kind(), "audio/wav", audio(clean.content()), true);
        };
    }

    // ---- images --------------------------------------------------------------------------------

    /** 5x7 glyphs of P, R, E, V, I, W; one row per string, '#' is ink. */
    private static final String[][] GLYPHS = {
            {"####.", "#...#", "#...#", "####.", "#....", "#....", "#...."},
            {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"},
            {"#####", "#....", "#....", "####.", "#....", "#....", "#####"},
            {"#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."},
            {"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "#####"},
            {"#####", "#....", "#....", "####.", "#....", "#....", "#####"},
            {"#...#", "#...#", "#...#", "#.#.#", "#.#.#", "##.##", "#...#"},
    };

    static byte[] image(byte[] png) {
        BufferedImage source = Pixels.decode(png)
                .orElseThrow(() -> new IllegalArgumentException("the generated image is not decodable"));
        BufferedImage preview = Pixels.scaled(source, PREVIEW_SIDE, 1);
        int w = preview.getWidth();
        int h = preview.getHeight();
        Graphics2D g = preview.createGraphics();
        int cell = 4;
        int markWidth = GLYPHS.length * 6 * cell;
        int markHeight = 7 * cell;
        g.rotate(-Math.PI / 6, w / 2.0, h / 2.0);
        for (int row = -h; row < 2 * h; row += markHeight * 3) {
            int shift = (row / (markHeight * 3)) % 2 == 0 ? 0 : markWidth / 2;
            for (int col = -w - shift; col < 2 * w; col += markWidth + 6 * cell) {
                drawMark(g, col, row, cell, new Color(0, 0, 0), 0.35f, 1);
                drawMark(g, col, row, cell, new Color(255, 255, 255), 0.55f, 0);
            }
        }
        g.dispose();
        return Pixels.png(preview);
    }

    private static void drawMark(Graphics2D g, int x, int y, int cell, Color colour, float alpha, int offset) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        g.setColor(colour);
        for (int letter = 0; letter < GLYPHS.length; letter++) {
            for (int r = 0; r < 7; r++) {
                for (int c = 0; c < 5; c++) {
                    if (GLYPHS[letter][r].charAt(c) == '#') {
                        g.fillRect(x + (letter * 6 + c) * cell + offset, y + r * cell + offset, cell, cell);
                    }
                }
            }
        }
    }

    // ---- text ----------------------------------------------------------------------------------

    /**
     * The shown part is always strictly shorter than the whole: at least one word stays hidden, and a
     * text of one word (or a script written without spaces) shows a share of its characters instead.
     */
    static String excerpt(String text) {
        String stripped = text.strip();
        String[] words = stripped.split("\\s+");
        StringBuilder out = new StringBuilder(TEXT_MARK).append('\n');
        if (words.length >= 2) {
            int keep = Math.max(1, Math.min(Math.min(MAX_EXCERPT_WORDS, words.length - 1), words.length * EXCERPT_SHARE_PERCENT / 100));
            for (int i = 0; i < keep; i++) {
                out.append(i == 0 ? "" : " ").append(words[i]);
            }
            return out.append(" ...\n[").append(keep).append(" of ").append(words.length)
                    .append(" words; the full text comes with the order]").toString();
        }
        int[] chars = stripped.codePoints().toArray();
        int keep = Math.min(MAX_EXCERPT_CHARS, chars.length * EXCERPT_SHARE_PERCENT / 100);
        return out.append(new String(chars, 0, keep)).append(" ...\n[").append(keep).append(" of ").append(chars.length)
                .append(" characters; the full text comes with the order]").toString();
    }

    // ---- audio ---------------------------------------------------------------------------------

    static byte[] audio(byte[] wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat f = in.getFormat();
            AudioFormat pcm = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
            byte[] data;
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, in)) {
                data = converted.readAllBytes();
            }
            int frameBytes = 2 * f.getChannels();
            int frames = data.length / frameBytes;
            double seconds = frames / f.getSampleRate();
            int keep = (int) (Math.min(PREVIEW_SECONDS, Math.max(1, seconds / 3)) * f.getSampleRate());
            keep = Math.min(keep, frames);
            byte[] out = new byte[keep * frameBytes];
            System.arraycopy(data, 0, out, 0, out.length);
            int beepEvery = (int) (BEEP_EVERY_SECONDS * f.getSampleRate());
            int beepLength = (int) (0.25 * f.getSampleRate());
            for (int i = 0; i < keep; i++) {
                if (i % beepEvery < beepLength) {
                    short beep = (short) (9_000 * Math.sin(2 * Math.PI * 1_000 * i / f.getSampleRate()));
                    for (int c = 0; c < f.getChannels(); c++) {
                        int at = i * frameBytes + c * 2;
                        out[at] = (byte) beep;
                        out[at + 1] = (byte) (beep >> 8);
                    }
                }
            }
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(out), pcm, keep), AudioFileFormat.Type.WAVE, result);
            return result.toByteArray();
        } catch (IOException | javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("the generated audio is not a decodable WAV", e);
        }
    }
}
