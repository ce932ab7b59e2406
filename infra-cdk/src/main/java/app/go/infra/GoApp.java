package app.go.infra;

import software.amazon.awscdk.App;

import java.nio.file.Path;

/**
 * The CDK app: one stack, synthesized from {@link app.go.wiring.topology.SystemTopology}.
 * Run from {@code infra-cdk/} ({@code npx cdk synth}); the repository root, where the Lambda jars
 * live, is the parent of the working directory unless the context value {@code repoRoot} says
 * otherwise.
 */
public final class GoApp {
    private GoApp() {}

    public static void main(String[] args) {
        App app = new App();
        Object root = app.getNode().tryGetContext("repoRoot");
        new GoStack(app, "GoStack", null,
                root == null ? GoStack.defaultRepoRoot() : Path.of(root.toString()));
        app.synth();
    }
}
