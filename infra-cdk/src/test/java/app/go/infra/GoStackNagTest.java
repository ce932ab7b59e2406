package app.go.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("cdk-nag AwsSolutions checks on the stack")
class GoStackNagTest {

    @Test
    @DisplayName("the stack has no unacknowledged AwsSolutions finding (every acknowledgment carries its reason in GoStack)")
    void noUnacknowledgedFindings() {
        SynthesizedStack synth = SynthesizedStack.get();
        assertTrue(errors(synth.validationReport()).isEmpty(), () -> String.join("\n", errors(synth.validationReport())));
        assertNull(synth.synthFailure, () -> "synth failed: " + synth.synthFailure.getMessage());
    }

    @Test
    @DisplayName("the checks do run: a bucket without access logs, synthesized the same way, is reported")
    void checksRun() throws Exception {
        java.nio.file.Path outdir = java.nio.file.Files.createTempDirectory("go-cdk-nag-probe");
        software.amazon.awscdk.App app = software.amazon.awscdk.App.Builder.create().outdir(outdir.toString()).build();
        software.amazon.awscdk.Stack probe = new software.amazon.awscdk.Stack(app, "Probe");
        new software.amazon.awscdk.services.s3.Bucket(probe, "Unlogged");
        software.amazon.awscdk.Validations.of(app).addPlugins(new io.github.cdklabs.cdknag.AwsSolutionsChecks(app));
        assertThrows(RuntimeException.class, app::synth, "synth fails on an unacknowledged finding");
        JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(outdir.resolve("validation-report.json").toFile());
        assertTrue(errors(report).stream().anyMatch(e -> e.startsWith("AwsSolutions AwsSolutions-S1 ")), errors(report).toString());
    }

    private static List<String> errors(JsonNode report) {
        List<String> findings = new ArrayList<>();
        for (JsonNode plugin : report.path("pluginReports")) {
            for (JsonNode violation : plugin.path("violations")) {
                if (!"error".equals(violation.path("severity").asText())) continue;
                violation.path("violatingConstructs").forEach(c -> findings.add(plugin.path("pluginName").asText() + " "
                        + violation.path("ruleName").asText() + " at " + c.path("constructPath").asText()));
            }
        }
        return findings;
    }
}
