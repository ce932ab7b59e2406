package app.go.wiring.topology;

import java.time.Duration;
import java.util.List;

/**
 * A Lambda function: which module jar holds it, its handler class, size, and what it may touch.
 * CDK turns {@code readsWrites}/{@code sendsTo}/{@code starts} into environment variables and
 * least-privilege grants; the local runtime passes the same environment variables.
 */
public record FunctionSpec(String id, String module, String handlerClass, int memoryMb, Duration timeout,
                           List<TableSpec> readsWrites, List<QueueSpec> sendsTo, List<String> starts,
                           boolean usesBedrock, boolean usesAssets) {

    /** The shaded jar CDK deploys: {@code functions/<module>/target/<module>.jar}. */
    public String jarPath() {
        return "functions/" + module + "/target/" + module + ".jar";
    }
}
