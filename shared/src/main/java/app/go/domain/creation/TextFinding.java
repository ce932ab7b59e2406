package app.go.domain.creation;

import java.util.List;

/**
 * What a text detector found on an image (CM-AST-6): the share of the image its lines of text
 * cover and the lines it read (at most {@link #MAX_LINES}, for the seller's warning and the
 * watermark words). Stored with the image's facts, so it is asked once per image.
 *
 * @param coverage share of the image inside the boxes of confidently read lines (0..1)
 * @param lines    the confidently read lines, most confident first
 */
public record TextFinding(double coverage, List<String> lines) {
    public static final int MAX_LINES = 8;
    public static final TextFinding NONE = new TextFinding(0, List.of());

    public TextFinding {
        coverage = Math.max(0, Math.min(1, coverage));
        lines = lines == null ? List.of() : List.copyOf(lines.subList(0, Math.min(MAX_LINES, lines.size())));
    }
}
