package app.go.api;

import app.go.domain.port.LanguageModelException;
import app.go.support.errors.DomainException;
import app.go.support.log.Log;
import app.go.wiring.lambda.Invocation;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Map;

/**
 * The HTTP API's function: finds the route for the event's route key, runs it, and turns rule
 * violations into problem+json. Nothing unexpected reaches the caller beyond a generic 500.
 */
public final class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.get(HttpApiHandler.class);

    private final Map<String, Route> routes;

    public HttpApiHandler() {
        this(Adapters.fromEnvironment());
    }

    public HttpApiHandler(Adapters adapters) {
        this(ApiRoutes.all(adapters));
    }

    HttpApiHandler(Map<String, Route> routes) {
        this.routes = Map.copyOf(routes);
    }

    /** The route keys this function serves (a test compares them with the topology's routes). */
    public java.util.Set<String> routeKeys() {
        return routes.keySet();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        Invocation.begin(context);
        Log.put("routeKey", event.getRouteKey());
        // the id API Gateway returns to the client (apigw-requestid) and writes to its access log
        Log.put("apiRequestId", event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
        if (event.getRouteKey() != null && event.getRouteKey().contains("/conversations/{id}") && event.getPathParameters() != null) {
            Log.put("conversationId", event.getPathParameters().get("id"));
        }
        APIGatewayV2HTTPResponse response;
        try {
            Route route = routes.get(event.getRouteKey());
            response = route == null
                    ? ApiResponses.problem(404, "Not found", "no route for " + event.getRouteKey(), "ROUTE_NOT_FOUND")
                    : route.handle(new ApiRequest(event));
        } catch (DomainException e) {
            response = ApiResponses.problem(e);
        } catch (LanguageModelException e) {
            LOG.error("the language model could not answer", e, "reason", e.reason().name());
            response = e.reason() == LanguageModelException.Reason.THROTTLED
                    ? ApiResponses.problem(429, "Limit reached", "the assistant is busy; retry in a moment", "MODEL_THROTTLED")
                    : ApiResponses.problem(503, "Unavailable", "the assistant cannot answer right now; retry later", "MODEL_UNAVAILABLE");
        } catch (RuntimeException e) {
            LOG.error("request failed", e);
            response = ApiResponses.problem(500, "Internal error", "the request could not be completed; it is safe to retry", "INTERNAL_ERROR");
        }
        LOG.info("request handled", "status", response.getStatusCode(), "durationMs", (System.nanoTime() - started) / 1_000_000);
        Log.clearContext();
        return response;
    }
}
