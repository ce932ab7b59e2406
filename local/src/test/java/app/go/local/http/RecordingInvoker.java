package app.go.local.http;

import app.go.local.lambda.LambdaInvoker;
import app.go.wiring.topology.FunctionSpec;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A LambdaInvoker whose function is a lambda of the test; it keeps the events it was called with. */
final class RecordingInvoker implements LambdaInvoker {
    final List<APIGatewayV2HTTPEvent> events = new CopyOnWriteArrayList<>();
    private volatile Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;

    RecordingInvoker(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
        this.function = function;
    }

    void answerWith(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
        this.function = function;
    }

    @Override
    public <T> T invoke(FunctionSpec spec, Object event, Class<T> resultType) {
        APIGatewayV2HTTPEvent httpEvent = (APIGatewayV2HTTPEvent) event;
        events.add(httpEvent);
        return resultType.cast(function.apply(httpEvent));
    }
}
