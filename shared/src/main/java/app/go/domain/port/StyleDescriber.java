package app.go.domain.port;

import java.util.List;

/**
 * Port to whatever puts a reference set's style into words for the generator: an image-capable
 * language model when deployed, the measured features offline.
 */
public interface StyleDescriber {

    /**
     * @param measured   the style as measured (palette, contrast, line work, colour or black-and-white)
     * @param references the representative images (PNG/JPEG bytes), at most 5
     * @return a short description, at most a few sentences
     */
    String describe(String measured, List<byte[]> references);

    /** Offline: the measured description as it is. */
    StyleDescriber MEASURED = (measured, references) -> measured;
}
