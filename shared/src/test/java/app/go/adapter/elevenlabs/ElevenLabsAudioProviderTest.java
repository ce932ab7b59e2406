package app.go.adapter.elevenlabs;

import app.go.domain.port.AssetGenerationException;
import app.go.testing.WireStub;
import app.go.testing.WireStub.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("ElevenLabs adapter of the AudioProvider port (voiceover, jingles) against a local REST stub")
class ElevenLabsAudioProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Duration> sleeps = new ArrayList<>();
    private WireStub stub;
    private ElevenLabsAudioProvider provider;

    @BeforeEach
    void start() throws Exception {
        stub = new WireStub();
        provider = new ElevenLabsAudioProvider(HttpClient.newHttpClient(), stub.uri(), "key-123", "voice-default", sleeps::add);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static byte[] pcm(double seconds, int rate) {
        return new byte[(int) (seconds * rate) * 2];
    }

    @Test
    @DisplayName("speech: POST /v1/text-to-speech/{voice} with the key header, PCM output wrapped as WAV of the right length")
    void speaks() throws Exception {
        stub.respond(Response.bytes(200, "audio/pcm", pcm(2.5, 22_050)));

        byte[] wav = provider.speak("voice-seller", "Welcome to the show");

        WireStub.Request request = stub.only();
        assertEquals("POST", request.method());
        assertEquals("/v1/text-to-speech/voice-seller", request.rawPath());
        assertEquals("output_format=pcm_22050", request.query());
        assertEquals("key-123", request.header("xi-api-key"));
        JsonNode body = JSON.readTree(request.body());
        assertEquals("Welcome to the show", body.path("text").asText());
        AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
        assertEquals(2.5, format.getFrameLength() / format.getFormat().getFrameRate(), 0.01);
    }

    @Test
    @DisplayName("without a learned voice the configured default voice speaks")
    void defaultVoice() {
        stub.respond(Response.bytes(200, "audio/pcm", pcm(1, 22_050)));
        provider.speak(null, "Hi");
        assertEquals("/v1/text-to-speech/voice-default", stub.only().rawPath());
    }

    @Test
    @DisplayName("music: POST /v1/music with the prompt and the length in ms (at least 10 s)")
    void composes() throws Exception {
        stub.respond(Response.bytes(200, "audio/pcm", pcm(12, 44_100)));

        byte[] wav = provider.compose("upbeat ukulele jingle", 12);

        WireStub.Request request = stub.only();
        assertEquals("/v1/music", request.rawPath());
        JsonNode body = JSON.readTree(request.body());
        assertEquals(12_000, body.path("music_length_ms").asInt());
        assertEquals("upbeat ukulele jingle", body.path("prompt").asText());
        AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
        assertEquals(44_100f, format.getFormat().getSampleRate());
    }

    @Test
    @DisplayName("voice cloning: multipart POST /v1/voices/add with every recording, answers the voice id")
    void learnsVoice() {
        stub.respond(Response.json(200, "{\"voice_id\":\"vc_42\",\"requires_verification\":false}"));

        String voice = provider.learnVoice("Voiceover Voice #1", List.of(new byte[]{1, 2}, new byte[]{3}));

        assertEquals("vc_42", voice);
        WireStub.Request request = stub.only();
        assertEquals("/v1/voices/add", request.rawPath());
        assertTrue(request.header("Content-Type").startsWith("multipart/form-data; boundary="));
        String form = new String(request.body(), StandardCharsets.ISO_8859_1);
        assertTrue(form.contains("name=\"name\"\r\n\r\nVoiceover Voice #1"));
        assertEquals(2, form.split("name=\"files\"").length - 1);
    }

    @Test
    @DisplayName("429 is retried with backoff; a refused prompt (422 bad_prompt) is REFUSED without retry, naming only the status")
    void errors() {
        stub.respond(Response.json(429, "{\"detail\":{\"status\":\"too_many_concurrent_requests\"}}"));
        stub.respond(Response.bytes(200, "audio/pcm", pcm(1, 44_100)));
        provider.compose("jingle", 10);
        assertEquals(2, stub.requests().size());
        assertEquals(1, sleeps.size());

        try (WireStub other = new WireStub()) {
            other.respond(Response.json(422, "{\"detail\":{\"status\":\"bad_prompt\",\"message\":\"secret script text\"}}"));
            ElevenLabsAudioProvider p = new ElevenLabsAudioProvider(HttpClient.newHttpClient(), other.uri(), "k", null, sleeps::add);
            AssetGenerationException e = assertThrows(AssetGenerationException.class, () -> p.speak(null, "secret script text"));
            assertEquals(AssetGenerationException.Reason.REFUSED, e.reason());
            assertTrue(e.getMessage().contains("bad_prompt"), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
            assertEquals(1, other.requests().size());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("5xx exhausted after 4 attempts is UNAVAILABLE (the queue retries the generation)")
    void unavailable() {
        stub.respond(Response.json(503, "{}"));
        AssetGenerationException e = assertThrows(AssetGenerationException.class, () -> provider.compose("jingle", 10));
        assertEquals(AssetGenerationException.Reason.UNAVAILABLE, e.reason());
        assertEquals(ElevenLabsAudioProvider.MAX_ATTEMPTS, stub.requests().size());
    }
}
