package app.go.domain.port;

import app.go.domain.creation.AudioFacts;
import app.go.domain.creation.ImageFacts;

import java.util.Optional;

/** Port to the decoders: what an uploaded file really is and what it looks or sounds like. */
public interface MediaInspector {

    /** Empty when the bytes are not an image this system decodes. */
    Optional<ImageFacts> image(byte[] bytes);

    /** Empty when the bytes are not a recording this system decodes. */
    Optional<AudioFacts> audio(byte[] bytes);
}
