package app.go.local.http;

/**
 * A route the local runtime serves itself, without a token and without a Lambda function (test
 * clock, tokens, health). It gets the raw request body; throwing {@link ProblemException} answers
 * with that problem, anything else with a 500.
 */
@FunctionalInterface
public interface LocalRoute {
    LocalResponse handle(String body);
}
