package app.go.local.e2e;

import app.go.local.GoLocal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick start is executable: its "Try it" block, run as written by bash and curl. */
class ReadmeTryItTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern TRY_IT = Pattern.compile("### Try it\\n.*?```bash\\n(.*?)```", Pattern.DOTALL);

    @Test
    @DisplayName("PA-BEH-1 the README's Try it block shows the assistant's reply to a new client")
    void tryItBlockShowsAnAssistantReply() throws Exception {
        Matcher block = TRY_IT.matcher(Files.readString(README));
        assertTrue(block.find(), "README.md has a ### Try it section with a bash block");
        try (GoLocal local = GoLocal.start(new GoLocal.Options(0, null))) {
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", block.group(1)).redirectErrorStream(true);
            bash.environment().put("API", local.uri().toString().replaceAll("/$", ""));
            Process process = bash.start();
            process.getOutputStream().close();
            String output = readAll(process);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the block finishes within a minute");
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("\"author\":\"ASSISTANT\""), "an assistant reply is shown:\n" + output);
            assertTrue(!output.contains("SUBSCRIPTION_REQUIRED") && !output.contains("\"status\":4"),
                    "no step of the block is refused:\n" + output);
        }
    }

    private static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
