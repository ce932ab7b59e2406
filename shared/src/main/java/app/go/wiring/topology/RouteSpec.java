package app.go.wiring.topology;

/** An HTTP API route ({@code GET /conversations/{id}/messages}) and the function that serves it. */
public record RouteSpec(String method, String path, FunctionSpec function, boolean authenticated) {

    public String routeKey() {
        return method + " " + path;
    }
}
