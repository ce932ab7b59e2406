package app.go.local.lambda;

import app.go.domain.assistant.LanguageDetector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jars CDK deploys (built by the function modules before this module's tests run) fit
 * Lambda's package limit, and still carry every language model the detector loads.
 */
class FunctionJarSizeTest {

    /** Lambda's limit on a function's unzipped deployment package. */
    private static final long LAMBDA_UNZIPPED_LIMIT = 250L * 1024 * 1024;

    @ParameterizedTest(name = "{0}.jar")
    @ValueSource(strings = {"api", "assistant", "creation", "billing"})
    @DisplayName("Deployability: each function jar unzips below Lambda's 250 MB and holds the language models the assistant detects")
    void fitsLambdaAndKeepsTheDetectorsModels(String function) throws IOException {
        Path jar = jarOf(function);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            long unzipped = Collections.list(zip.entries()).stream().mapToLong(ZipEntry::getSize).sum();
            assertTrue(unzipped < LAMBDA_UNZIPPED_LIMIT,
                    jar + " unzips to " + unzipped / (1024 * 1024) + " MB; Lambda allows 250 MB");
            for (String language : LanguageDetector.modelLanguages()) {
                assertNotNull(zip.getEntry("language-models/" + language + "/trigrams.json"),
                        jar + " lacks the " + language + " model the detector loads (see the shade filter in pom.xml)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ciao, quanto costa il pacchetto base?=it", "Wie lange dauert die Lieferung?=de",
            "Quanto custa o pacote básico?=pt", "Сколько стоит базовый пакет?=ru"})
    @DisplayName("PA-BEH-2 the detector inside the deployed assistant jar, on its own class path, still tells the languages apart")
    void detectsFromTheShadedJar(String labelled) throws Exception {
        String text = labelled.substring(0, labelled.lastIndexOf('='));
        String expected = labelled.substring(labelled.lastIndexOf('=') + 1);
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jarOf("assistant").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Method detect = jarOnly.loadClass(LanguageDetector.class.getName()).getMethod("detect", String.class);
            assertEquals(expected, detect.invoke(null, text));
        }
    }

    private static Path jarOf(String function) {
        Path jar = Path.of("..", "functions", function, "target", function + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is built by the function module's package phase");
        return jar;
    }
}
