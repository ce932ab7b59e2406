package app.go.adapter.media;

import app.go.domain.creation.AudioFacts;
import app.go.domain.creation.ImageFacts;
import app.go.domain.creation.Pixels;
import app.go.domain.port.MediaInspector;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * {@link MediaInspector} on the JDK's decoders: ImageIO (PNG, JPEG, GIF, BMP) and javax.sound
 * (WAV, AIFF, AU, decoded to 16-bit PCM). Other formats are "not decodable" and the asset checks
 * say so; nothing is guessed from a file name or a header alone.
 */
public final class JdkMediaInspector implements MediaInspector {
    private static final AudioFormat.Encoding PCM = AudioFormat.Encoding.PCM_SIGNED;

    @Override
    public Optional<ImageFacts> image(byte[] bytes) {
        return Pixels.decode(bytes).map(ImageMeasures::measure);
    }

    @Override
    public Optional<AudioFacts> audio(byte[] bytes) {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
            String type = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(bytes)).getType().toString();
            AudioFormat in = source.getFormat();
            AudioFormat target = new AudioFormat(PCM, in.getSampleRate(), 16, in.getChannels(), in.getChannels() * 2,
                    in.getSampleRate(), false);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(target, source)) {
                byte[] data = pcm.readAllBytes();
                int channels = in.getChannels();
                int frames = data.length / (2 * channels);
                if (frames == 0) {
                    return Optional.empty();
                }
                float[][] samples = new float[channels][frames];
                for (int f = 0; f < frames; f++) {
                    for (int c = 0; c < channels; c++) {
                        int at = (f * channels + c) * 2;
                        samples[c][f] = (short) ((data[at] & 0xff) | (data[at + 1] << 8)) / 32768f;
                    }
                }
                return Optional.of(AudioMeasures.measure(type, in.getSampleRate(), samples));
            }
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
