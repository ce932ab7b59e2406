package app.go.domain.creation;

import app.go.support.errors.DomainException;

/**
 * The pixel size a client asks an image generation for (CM-GEN-8). The rule is the one Amazon Nova
 * Canvas accepts, capped at 1024 per side: each side {@value #MIN_SIDE}..{@value #MAX_SIDE} and a
 * multiple of {@value #STEP}. Nova's other limits (aspect between 1:4 and 4:1, pixel budget) cannot
 * be broken inside that box: the widest ratio is 1024:320 = 3.2 and the largest is 1024².
 */
public record ImageSize(int width, int height) {
    public static final int MIN_SIDE = 320;
    public static final int MAX_SIDE = 1_024;
    public static final int STEP = 16;
    /** A size outside the rule (400). */
    public static final String INVALID = "INVALID_SIZE";
    /** A size asked of a text or audio model (400). */
    public static final String NOT_SUPPORTED = "SIZE_NOT_SUPPORTED";
    public static final String RULE = "width and height must each be " + MIN_SIDE + ".." + MAX_SIDE
            + " pixels and a multiple of " + STEP;

    public ImageSize {
        if (!valid(width) || !valid(height)) {
            throw new DomainException(DomainException.Kind.VALIDATION, INVALID, RULE + "; got " + width + "x" + height);
        }
    }

    private static boolean valid(int side) {
        return side >= MIN_SIDE && side <= MAX_SIDE && side % STEP == 0;
    }

    /** CM-GEN-8: only image models take a size; asking one of another kind is refused before anything is written. */
    static void requireFor(MediaKind kind, ImageSize size) {
        if (size != null && kind != MediaKind.IMAGE) {
            throw new DomainException(DomainException.Kind.VALIDATION, NOT_SUPPORTED,
                    "size applies to image models only; this model makes " + kind.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
