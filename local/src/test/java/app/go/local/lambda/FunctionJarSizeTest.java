package app.go.local.lambda;

import app.go.domain.assistant.LanguageDetector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jars CDK deploys (built by the function modules before this module's tests run) fit
 * Lambda's package limit, and still carry every language model the detector loads and every fastutil
 * class lingua's code refers to.
 */
class FunctionJarSizeTest {

    /** Lambda's limit on a function's unzipped deployment package. */
    private static final long LAMBDA_UNZIPPED_LIMIT = 250L * 1024 * 1024;

    /** A fastutil class name as the constant pool spells it (package-info included; a package name ends in '/' and is not matched). */
    private static final Pattern FASTUTIL_CLASS = Pattern.compile("it/unimi/dsi/fastutil/[\\w/$-]++(?<!/)");

    /**
     * What each jar may unzip to (MiB): measured sizes (api 177, billing 145, creation 128, assistant 106)
     * plus some room, so a library that grows a jar by tens of MB is noticed long before Lambda refuses it.
     */
    private static final Map<String, Long> BUDGET_MB = Map.of("api", 195L, "billing", 165L, "creation", 145L, "assistant", 125L);

    @ParameterizedTest(name = "{0}.jar")
    @ValueSource(strings = {"api", "assistant", "creation", "billing"})
    @DisplayName("Deployability: each function jar unzips within its budget, below Lambda's 250 MB, and holds the language models the assistant detects")
    void fitsLambdaAndKeepsTheDetectorsModels(String function) throws IOException {
        Path jar = jarOf(function);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            long unzipped = Collections.list(zip.entries()).stream().mapToLong(ZipEntry::getSize).sum();
            assertTrue(unzipped < LAMBDA_UNZIPPED_LIMIT,
                    jar + " unzips to " + unzipped / (1024 * 1024) + " MB; Lambda allows 250 MB");
            assertTrue(unzipped < BUDGET_MB.get(function) * 1024 * 1024,
                    jar + " unzips to " + unzipped / (1024 * 1024) + " MB, over its budget of " + BUDGET_MB.get(function) + " MB");
            for (String language : LanguageDetector.modelLanguages()) {
                assertNotNull(zip.getEntry("language-models/" + language + "/trigrams.json"),
                        jar + " lacks the " + language + " model the detector loads (see the shade filter in pom.xml)");
            }
        }
    }

    /** Messages in languages whose n-gram models the jars carry, with the language each must be told as. */
    private static final Map<String, String> LABELLED = Map.of("Ciao, quanto costa il pacchetto base?", "it",
            "Wie lange dauert die Lieferung?", "de", "Quanto custa o pacote básico?", "pt", "Сколько стоит базовый пакет?", "ru");

    @ParameterizedTest(name = "{0}.jar")
    @ValueSource(strings = {"assistant", "api", "creation", "billing"})
    @DisplayName("PA-BEH-2 the detector inside each deployed jar, on that jar's class path alone, still tells the languages apart")
    void detectsFromTheShadedJar(String function) throws Exception {
        // every function ships go-shared, whose reply and handoff code detects, so each jar needs a working lingua
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jarOf(function).toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Method detect = jarOnly.loadClass(LanguageDetector.class.getName()).getMethod("detect", String.class);
            for (Map.Entry<String, String> message : LABELLED.entrySet()) {
                assertEquals(message.getValue(), detect.invoke(null, message.getKey()), function + ".jar: " + message.getKey());
            }
        }
    }

    /**
     * The shade filter leaves most of fastutil out (pom.xml). Every class a class file names sits in its
     * constant pool as plain text, so a fastutil name in any class the jar keeps must match an entry of the
     * jar, or that code path would end in a NoClassDefFoundError (jdeps on the jars reports the same).
     */
    @ParameterizedTest(name = "{0}.jar")
    @ValueSource(strings = {"api", "assistant", "creation", "billing"})
    @DisplayName("Deployability: no class in a function jar names a fastutil class the shade filter left out")
    void keepsEveryFastutilClassLinguaReaches(String function) throws IOException {
        Path jar = jarOf(function);
        Set<String> named = new TreeSet<>();
        boolean linguaUsesFastutil = false;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                String text;
                try (InputStream in = zip.getInputStream(entry)) {
                    text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                Matcher fastutil = FASTUTIL_CLASS.matcher(text);
                while (fastutil.find()) {
                    named.add(fastutil.group());
                    linguaUsesFastutil |= entry.getName().startsWith("com/github/pemistahl/lingua/");
                }
            }
            assertTrue(linguaUsesFastutil, "no lingua class in " + jar + " names a fastutil class: is this still the lingua the filter was written for?");
            List<String> missing = named.stream().filter(name -> zip.getEntry(name + ".class") == null).toList();
            assertEquals(List.of(), missing, jar + " lacks fastutil classes its code names (see the fastutil filter in pom.xml)");
        }
    }

    private static Path jarOf(String function) {
        Path jar = Path.of("..", "functions", function, "target", function + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is built by the function module's package phase");
        return jar;
    }
}
