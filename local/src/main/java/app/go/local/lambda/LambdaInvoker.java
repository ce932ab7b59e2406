package app.go.local.lambda;

import app.go.wiring.topology.FunctionSpec;

/**
 * Invokes a function's handler in-process the way AWS Lambda would: one handler instance per
 * function (a warm container), a fresh {@link com.amazonaws.services.lambda.runtime.Context} per
 * call, and the event converted to the handler's own input type.
 */
public interface LambdaInvoker {

    /**
     * @param event the event object (e.g. an {@code SQSEvent}, an {@code APIGatewayV2HTTPEvent}) or any
     *              JSON-convertible value (Map, JsonNode) that is converted to the handler's input type
     * @throws LambdaInvocationException when the handler throws or runs past its timeout
     */
    <T> T invoke(FunctionSpec function, Object event, Class<T> resultType);
}
