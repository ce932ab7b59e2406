package app.go.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** Serves one route key. */
@FunctionalInterface
public interface Route {
    APIGatewayV2HTTPResponse handle(ApiRequest request);
}
