package app.go.domain.creation;

/**
 * What a recording sounds like to the asset checks, measured from its decoded samples.
 *
 * @param format         container as detected from the bytes ("WAV", ...)
 * @param clipping       share of samples at full scale
 * @param noiseFloorDb   level of the quietest tenth of the 50 ms frames, dBFS
 * @param stereoWidth    1 - correlation of left and right (0 = mono or identical channels)
 * @param pauses         share of frames below a quarter of the median level (speech pauses between phrases)
 * @param flatness       mean spectral flatness (1 = white noise, near 0 = tonal)
 * @param content        SPEECH, MUSIC or NOISE by the measures above
 */
public record AudioFacts(String format, double seconds, int channels, float sampleRate, double clipping,
                         double noiseFloorDb, double stereoWidth, double pauses, double flatness, Content content) {

    public enum Content { SPEECH, MUSIC, NOISE, SILENCE }
}
