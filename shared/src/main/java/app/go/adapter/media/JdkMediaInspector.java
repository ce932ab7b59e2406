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
 * (WAV, AIFF, AU; MP3 through mp3spi, M4A/AAC through javasound-aac, both decoded to 16-bit PCM).
 * Other formats are "not decodable" and the asset checks say so; nothing is guessed from a file
 * name or a header alone.
 */
public final class JdkMediaInspector implements MediaInspector {
    private static final AudioFormat.Encoding PCM = AudioFormat.Encoding.PCM_SIGNED;

    @Override
    public Optional<ImageFacts> image(byte[] bytes) {
        return Pixels.decode(bytes).map(ImageMeasures::measure);
    }

    @Override
    public Optional<AudioFacts> audio(byte[] bytes) {
        if (Mp4AudioDecoder.isMp4(bytes)) {
            return Mp4AudioDecoder.decode(bytes).flatMap(pcm -> measure("M4A", pcm.rate(), pcm.channels(), pcm.data()));
        }
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
            String type = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(bytes)).getType().toString();
            AudioFormat in = source.getFormat();
            AudioFormat target = new AudioFormat(PCM, in.getSampleRate(), 16, in.getChannels(), in.getChannels() * 2,
                    in.getSampleRate(), false);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(target, source)) {
                return measure(type, in.getSampleRate(), in.getChannels(), pcm.readAllBytes());
            }
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @param data 16-bit little-endian PCM, channels interleaved */
    private static Optional<AudioFacts> measure(String type, float rate, int channels, byte[] data) {
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
        return Optional.of(AudioMeasures.measure(type, rate, samples));
    }
}
