package app.go.adapter.media;

import app.go.domain.creation.AssetChecks;
import app.go.domain.creation.AudioFacts;
import app.go.testing.LabelledMedia;
import app.go.testing.LabelledMedia.M4a;
import app.go.testing.LabelledMedia.Sound;
import app.go.testing.TestMedia;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CM-AST-2/6: M4A/AAC uploads are decoded (JAAD, frame by frame) and measured like WAV and MP3. */
class M4aDecodingTest {
    private final JdkMediaInspector inspector = new JdkMediaInspector();

    @Test
    @DisplayName("CM-AST-6 each labelled M4A decodes to its duration and is measured: voice vs music, clipping, noise, stereo")
    void fixturesAreMeasured() {
        for (M4a m4a : LabelledMedia.M4A) {
            AudioFacts f = inspector.audio(m4a.bytes()).orElseThrow(() -> new AssertionError(m4a.name() + " not decoded"));
            assertEquals("M4A", f.format(), m4a.name());
            assertEquals(16_000f, f.sampleRate(), m4a.name());
            assertEquals(8.0, f.seconds(), 0.1, m4a.name() + ": the AAC encoder's priming adds a frame or two, nothing more");
            if (m4a.sound() == Sound.NOISE) {
                assertEquals(AudioFacts.Content.NOISE, f.content(), m4a.name());
            } else if (!m4a.hiss()) {
                assertEquals(m4a.sound() == Sound.VOICE ? AudioFacts.Content.SPEECH : AudioFacts.Content.MUSIC, f.content(), m4a.name());
            }
            assertEquals(m4a.clipped(), f.clipping() > AssetChecks.MAX_CLIPPING, m4a.name() + " clipping " + f.clipping());
            assertEquals(m4a.hiss() || m4a.sound() == Sound.NOISE, AssetChecks.noisy(f), m4a.name());
            assertEquals(m4a.stereo(), f.stereoWidth() > AssetChecks.MAX_STEREO_WIDTH, m4a.name() + " width " + f.stereoWidth());
        }
    }

    @Test
    @DisplayName("CM-AST-2 bytes that only look like M4A are not decodable: a cut file, an MP4 header on garbage, a PNG")
    void notM4aIsNotDecodable() {
        byte[] whole = LabelledMedia.M4A.get(0).bytes();
        assertTrue(Mp4AudioDecoder.isMp4(whole));
        assertTrue(inspector.audio(Arrays.copyOf(whole, 2_000)).isEmpty(), "the header and no frames");
        byte[] garbage = new byte[40_000];
        new java.util.Random(3).nextBytes(garbage);
        System.arraycopy(whole, 0, garbage, 0, 32);
        assertTrue(inspector.audio(garbage).isEmpty(), "an ftyp box followed by noise");
        assertTrue(inspector.audio(TestMedia.png(64, 64, Color.RED)).isEmpty());
        assertTrue(inspector.image(whole).isEmpty(), "an M4A is no image");
    }

    @Test
    @DisplayName("CM-AST-2 adding the AAC decoder keeps WAV decoding as it was")
    void wavStillDecodes() {
        AudioFacts wav = inspector.audio(LabelledMedia.recording(Sound.VOICE, 8, 217, 1, -75, false)).orElseThrow();
        assertEquals("WAVE", wav.format());
        assertEquals(1, wav.channels());
        assertEquals(8.0, wav.seconds(), 1e-6);
    }
}
