package app.go.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Validations;

import java.nio.file.Path;

/**
 * The CDK app: one stack, synthesized from {@link app.go.wiring.topology.SystemTopology}.
 * Run from {@code infra-cdk/} ({@code npx cdk synth}); the repository root, where the Lambda jars
 * live, is the parent of the working directory unless the context value {@code repoRoot} says
 * otherwise. Every synth runs the cdk-nag AwsSolutions checks: an unacknowledged finding fails it.
 */
public final class GoApp {
    public static final String STACK_ID = "GoStack";

    private GoApp() {}

    public static void main(String[] args) {
        App app = new App();
        Object root = app.getNode().tryGetContext("repoRoot");
        build(app, root == null ? GoStack.defaultRepoRoot() : Path.of(root.toString()));
        app.synth();
    }

    /** The stack, with the checks every synth runs (the tests build the app the same way). */
    public static GoStack build(App app, Path repoRoot) {
        GoStack stack = new GoStack(app, STACK_ID, null, repoRoot);
        Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
        return stack;
    }
}
