package app.go.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stack synthesized once per test JVM, exactly as {@code npx cdk synth} builds it: the
 * context (feature flags included) comes from {@code cdk.json}, and the cdk-nag checks run.
 */
final class SynthesizedStack {
    static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SynthesizedStack instance;

    final GoStack stack;
    final Template template;
    final Path outdir;
    /** What synth threw, if anything: CDK fails synth when a validation plugin reports violations. */
    final RuntimeException synthFailure;

    private SynthesizedStack() {
        try {
            outdir = Files.createTempDirectory("go-cdk-out");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(outdir)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        App app = App.Builder.create().outdir(outdir.toString()).context(cdkJsonContext()).build();
        stack = GoApp.build(app, REPO_ROOT);
        RuntimeException failure = null;
        try {
            app.synth();
        } catch (RuntimeException e) {
            failure = e;
        }
        synthFailure = failure;
        template = Template.fromJSON(readTemplate());
    }

    static synchronized SynthesizedStack get() {
        if (instance == null) instance = new SynthesizedStack();
        return instance;
    }

    /** The cloud assembly's policy validation report (cdk-nag's findings), or a missing node when there is none. */
    JsonNode validationReport() {
        Path report = outdir.resolve("validation-report.json");
        try {
            return Files.exists(report) ? JSON.readTree(report.toFile()) : JSON.missingNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readTemplate() {
        try {
            return JSON.readValue(outdir.resolve(GoApp.STACK_ID + ".template.json").toFile(), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cdkJsonContext() {
        try {
            Map<String, Object> cdkJson = JSON.readValue(REPO_ROOT.resolve("infra-cdk/cdk.json").toFile(), LinkedHashMap.class);
            return (Map<String, Object>) cdkJson.get("context");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
