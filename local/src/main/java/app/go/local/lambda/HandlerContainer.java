package app.go.local.lambda;

import app.go.support.json.Json;
import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;

/**
 * One function's warm container: its handler instance, built on first use (the cold start) and then
 * shared by every invocation, concurrent ones included, as a Lambda execution environment reuses it.
 */
final class HandlerContainer {
    private static final Logger log = LoggerFactory.getLogger(HandlerContainer.class);

    private final FunctionSpec function;
    private final Adapters adapters;
    private volatile Object handler;
    private volatile JavaType inputType;

    HandlerContainer(FunctionSpec function, Adapters adapters) {
        this.function = function;
        this.adapters = adapters;
    }

    /** Builds the handler if this is the first invocation; a failed build is retried by the next one. */
    void warmUp() {
        if (handler != null) {
            return;
        }
        synchronized (this) {
            if (handler != null) {
                return;
            }
            long started = System.nanoTime();
            Object instance = construct();
            inputType = inputTypeOf(instance.getClass());
            handler = instance;
            log.info("cold start {} ({}) in {} ms", function.id(), function.handlerClass(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Converts the event to the handler's input type and runs it; returns the handler's own result. */
    Object handle(Object event, Context context) throws IOException {
        Object instance = handler;
        if (instance instanceof RequestStreamHandler streamHandler) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            streamHandler.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out, context);
            return out.size() == 0 ? null : Json.MAPPER.readTree(out.toByteArray());
        }
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> requestHandler = (RequestHandler<Object, Object>) instance;
        return requestHandler.handleRequest(toInput(event), context);
    }

    private Object toInput(Object event) {
        JavaType type = inputType;
        if (event == null || type.getRawClass() == Object.class || type.getRawClass().isInstance(event)) {
            return event;
        }
        return Json.MAPPER.convertValue(event, type);
    }

    private Object construct() {
        try {
            Object instance = Class.forName(function.handlerClass())
                    .getConstructor(Adapters.class)
                    .newInstance(adapters);
            if (!(instance instanceof RequestHandler<?, ?>) && !(instance instanceof RequestStreamHandler)) {
                throw new IllegalStateException(function.handlerClass() + " is neither a RequestHandler nor a RequestStreamHandler");
            }
            return instance;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new LambdaInvocationException(cause.getClass().getName(),
                    "cold start of " + function.id() + " failed: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + function.handlerClass()
                    + " with a public constructor taking Adapters: " + e, e);
        }
    }

    /** The {@code I} of {@code RequestHandler<I, O>}, resolved through superclasses and generic interfaces. */
    private static JavaType inputTypeOf(Class<?> handlerClass) {
        JavaType[] parameters = Json.MAPPER.getTypeFactory().constructType(handlerClass)
                .findTypeParameters(RequestHandler.class);
        return parameters.length == 2 ? parameters[0] : Json.MAPPER.getTypeFactory().constructType(Object.class);
    }
}
