package app.go.adapter.elevenlabs;

import app.go.domain.port.AssetGenerationException;
import app.go.domain.port.AssetGenerationException.Reason;
import app.go.domain.port.AudioProvider;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link AudioProvider} on the ElevenLabs REST API: text-to-speech ({@code /v1/text-to-speech}),
 * music ({@code /v1/music}) and instant voice cloning ({@code /v1/voices/add}). Audio comes back as
 * raw PCM ({@code output_format=pcm_*}) and is stored as WAV, so the preview and the asset checks
 * decode it with the JDK. 429 and 5xx are retried with backoff ({@value #MAX_ATTEMPTS} attempts in
 * all); a refused prompt (4xx with a detail) is {@link Reason#REFUSED} with the provider's status.
 */
public final class ElevenLabsAudioProvider implements AudioProvider {
    public static final URI DEFAULT_BASE = URI.create("https://api.elevenlabs.io");
    public static final String DEFAULT_VOICE = "21m00Tcm4TlvDq8ikWAM";
    static final int MAX_ATTEMPTS = 4;
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final int SPEECH_RATE = 22_050;
    static final int MUSIC_RATE = 44_100;

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final String defaultVoice;
    private final Sleeper sleeper;

    public ElevenLabsAudioProvider(HttpClient http, URI base, String apiKey, String defaultVoice) {
        this(http, base, apiKey, defaultVoice, d -> Thread.sleep(d.toMillis()));
    }

    ElevenLabsAudioProvider(HttpClient http, URI base, String apiKey, String defaultVoice, Sleeper sleeper) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an ElevenLabs API key is required");
        }
        this.http = http;
        this.base = base;
        this.apiKey = apiKey;
        this.defaultVoice = defaultVoice == null || defaultVoice.isBlank() ? DEFAULT_VOICE : defaultVoice;
        this.sleeper = sleeper;
    }

    @Override
    public byte[] speak(String voiceId, String script) {
        String voice = voiceId == null || voiceId.isBlank() ? defaultVoice : voiceId;
        String body = Json.write(Json.object().put("text", script).put("model_id", "eleven_multilingual_v2"));
        HttpRequest request = json("/v1/text-to-speech/" + voice + "?output_format=pcm_" + SPEECH_RATE, body);
        return Wav.of(send(request), SPEECH_RATE);
    }

    @Override
    public byte[] compose(String description, int seconds) {
        int ms = Math.max(10_000, Math.min(300_000, seconds * 1_000));
        String body = Json.write(Json.object().put("prompt", description).put("music_length_ms", ms));
        return Wav.of(send(json("/v1/music?output_format=pcm_" + MUSIC_RATE, body)), MUSIC_RATE);
    }

    @Override
    public String learnVoice(String name, List<byte[]> recordings) {
        String boundary = "go-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        part(form, boundary, "name", null, name.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < recordings.size(); i++) {
            part(form, boundary, "files", "sample-" + (i + 1) + ".wav", recordings.get(i));
        }
        form.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = builder("/v1/voices/add")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
                .build();
        String voice = Json.parse(new String(send(request), StandardCharsets.UTF_8)).path("voice_id").asText("");
        if (voice.isEmpty()) {
            throw new AssetGenerationException(Reason.UNAVAILABLE, "the voice provider answered without a voice id");
        }
        return voice;
    }

    private static void part(ByteArrayOutputStream form, String boundary, String field, String filename, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: audio/wav") + "\r\n\r\n";
        form.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest json(String path, String body) {
        return builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("xi-api-key", apiKey);
    }

    private byte[] send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            int status;
            byte[] body;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                body = response.body();
            } catch (IOException e) {
                status = -1;
                body = new byte[0];
                if (attempt == MAX_ATTEMPTS) {
                    throw new AssetGenerationException(Reason.UNAVAILABLE, "could not reach the voice provider ("
                            + e.getClass().getSimpleName() + ") after " + attempt + " attempts", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssetGenerationException(Reason.UNAVAILABLE, "interrupted while calling the voice provider", e);
            }
            if (status >= 200 && status < 300) {
                return body;
            }
            boolean retryable = status == -1 || status == 429 || status >= 500;
            if (!retryable || attempt == MAX_ATTEMPTS) {
                throw failure(status, body, attempt);
            }
            try {
                long ceiling = 250L << (attempt - 1);
                sleeper.sleep(Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssetGenerationException(Reason.UNAVAILABLE, "interrupted while backing off from the voice provider", e);
            }
        }
    }

    /** Names the provider's status code (e.g. {@code bad_prompt}), never the request's text. */
    private static AssetGenerationException failure(int status, byte[] body, int attempt) {
        String code = "";
        try {
            JsonNode detail = Json.parse(new String(body, StandardCharsets.UTF_8)).path("detail");
            code = detail.path("status").asText(detail.isTextual() ? "" : "");
        } catch (IllegalArgumentException ignored) {
            // not JSON: keep the HTTP status only
        }
        String details = " (HTTP " + status + (code.isEmpty() ? "" : ", " + code) + ") after " + attempt
                + (attempt == 1 ? " attempt" : " attempts");
        if (status == 401 || status == 403) {
            return new AssetGenerationException(Reason.UNAVAILABLE, "the voice provider refused the credentials" + details);
        }
        if (status >= 400 && status < 500 && status != 429) {
            return new AssetGenerationException(Reason.REFUSED, "the voice provider refused this request" + details);
        }
        return new AssetGenerationException(Reason.UNAVAILABLE, "the voice provider is unavailable" + details);
    }
}
