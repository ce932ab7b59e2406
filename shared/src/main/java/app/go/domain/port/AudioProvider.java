package app.go.domain.port;

import java.util.List;

/**
 * Port to a voice and music service (Bedrock has neither a voice-cloning nor a music model). Every
 * method returns a WAV file; failures are {@link AssetGenerationException}s.
 */
public interface AudioProvider {

    /** The script spoken in the voice ({@code voiceId} from {@link #learnVoice}, or the provider's default when null). */
    byte[] speak(String voiceId, String script);

    /** Music as described, {@code seconds} long. */
    byte[] compose(String description, int seconds);

    /** Learns a voice from the seller's recordings (CM-TRN-1 for voiceover models) and returns its id. */
    String learnVoice(String name, List<byte[]> recordings);
}
