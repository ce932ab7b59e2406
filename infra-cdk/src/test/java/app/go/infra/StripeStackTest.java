package app.go.infra;

import app.go.wiring.AwsAdapters;
import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack synthesized with {@code paymentsProvider=stripe}. */
class StripeStackTest {
    private static Template template;
    private static GoStack stack;

    @BeforeAll
    static void synthesize() {
        // assets referenced where they are: the template is the same, without copying every Lambda jar once more
        App app = App.Builder.create().context(Map.of(GoStack.PAYMENTS_PROVIDER_CONTEXT, GoStack.STRIPE,
                "aws:cdk:disable-asset-staging", true)).build();
        stack = new GoStack(app, "GoStack", null, java.nio.file.Path.of("").toAbsolutePath().getParent());
        template = Template.fromStack(stack);
    }

    @Test
    @DisplayName("BILL-3 with Stripe the API key is a Secrets Manager secret: the charging functions get its ARN and read access, never the key")
    void apiKeyFromSecretsManager() {
        template.resourceCountIs("AWS::SecretsManager::Secret", 1);
        String secret = template.findResources("AWS::SecretsManager::Secret").keySet().iterator().next();
        assertEquals(GoStack.STRIPE_SECRET_ARN_ENV, AwsAdapters.STRIPE_SECRET_ARN_ENV);
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        long withSecret = functions.values().stream().map(f -> variables(f)).filter(v -> v.containsKey(GoStack.STRIPE_SECRET_ARN_ENV))
                .peek(v -> assertEquals(Map.of("Ref", secret), v.get(GoStack.STRIPE_SECRET_ARN_ENV)))
                .peek(v -> assertEquals(GoStack.STRIPE, v.get(GoStack.PAYMENTS_PROVIDER_ENV)))
                .count();
        assertEquals(SystemTopology.PAYING_FUNCTIONS.size(), withSecret);
        assertFalse(template.toJSON().toString().contains("sk_live"), "no key in the template");
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", Match.arrayWith(List.of("secretsmanager:GetSecretValue")),
                        "Resource", Map.of("Ref", secret))))))))));
    }

    @Test
    @DisplayName("BILL-3 the simulated-payments warning is only there while the offline provider is selected")
    void noOfflineWarning() {
        assertTrue(software.amazon.awscdk.assertions.Annotations.fromStack(stack)
                .findWarning("*", Match.stringLikeRegexp(".*simulated.*")).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> function) {
        Map<String, Object> props = (Map<String, Object>) function.get("Properties");
        return (Map<String, Object>) ((Map<String, Object>) props.get("Environment")).get("Variables");
    }
}
