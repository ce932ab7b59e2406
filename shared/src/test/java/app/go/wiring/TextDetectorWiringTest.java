package app.go.wiring;

import app.go.adapter.aws.rekognition.RekognitionTextDetector;
import app.go.domain.port.TextInImageDetector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CM-AST-6: the text check is chosen by configuration like the other adapters; the default is Rekognition. */
class TextDetectorWiringTest {
    private static Adapters adapters(Map<String, String> env) {
        return ConfiguredAdapters.with(env);
    }

    @Test
    @DisplayName("CM-AST-6 TEXT_DETECTOR defaults to Rekognition (one client per container); offline is the measured twin; anything else fails")
    void chosenByConfiguration() {
        Adapters deployed = adapters(Map.of());
        assertInstanceOf(RekognitionTextDetector.class, deployed.textDetector());
        assertSame(deployed.textDetector(), deployed.textDetector());
        assertSame(deployed.rekognition(), deployed.rekognition());
        assertSame(TextInImageDetector.MEASURED, adapters(Map.of("TEXT_DETECTOR", "offline")).textDetector());
        assertThrows(IllegalStateException.class, () -> adapters(Map.of("TEXT_DETECTOR", "ocr")).textDetector());
    }
}
