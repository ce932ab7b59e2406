package app.go.local.topology;

import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What CDK deploys must exist: every function's handler class, with both constructors the design asks for. */
class TopologyHandlersTest {

    static List<FunctionSpec> functions() {
        return SystemTopology.FUNCTIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    @DisplayName("Every function in the topology has a RequestHandler with a no-arg (Lambda) and an Adapters (local/test) constructor")
    void handlerExists(FunctionSpec function) throws Exception {
        Class<?> handler = Class.forName(function.handlerClass());
        assertTrue(RequestHandler.class.isAssignableFrom(handler), function.handlerClass() + " is not a RequestHandler");
        assertDoesNotThrow(() -> handler.getConstructor());
        assertDoesNotThrow(() -> handler.getConstructor(Adapters.class));
        String module = handler.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(module.contains("functions/" + function.module()) || module.contains("go-functions-" + function.module()),
                function.handlerClass() + " should live in functions/" + function.module() + " but comes from " + module);
    }
}
