package app.go.infra;

import app.go.support.log.BusinessMetric;
import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("What an operator gets: tracing, access logs, alarms to SNS, a dashboard, bounded consumers, guarded data")
class ObservabilityTest {
    private final Template template = SynthesizedStack.get().template;

    @Test
    @DisplayName("every function traces actively with X-Ray and runs under its own role without managed policies")
    void functionsTraceAndOwnTheirRoles() {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        assertEquals(SystemTopology.FUNCTIONS.size(), functions.size());
        functions.values().forEach(fn -> assertEquals(Map.of("Mode", "Active"), props(fn).get("TracingConfig")));
        template.findResources("AWS::IAM::Role").values()
                .forEach(role -> assertFalse(props(role).containsKey("ManagedPolicyArns"), role.toString()));
    }

    @Test
    @DisplayName("alarms: each DLQ's depth (queues and the schedule target), each function's errors and throttles, "
            + "each state machine's failures and the API's 5xx, all notifying the encrypted SNS topic")
    void alarmsCoverEveryFailureSignal() {
        int dlqs = SystemTopology.QUEUES.size() + SystemTopology.SCHEDULES.size();
        int expected = dlqs + 2 * SystemTopology.FUNCTIONS.size() + SystemTopology.STATE_MACHINES.size() + 1;
        Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");
        assertEquals(expected, alarms.size());
        String topicId = template.findResources("AWS::SNS::Topic").keySet().iterator().next();
        for (Map<String, Object> alarm : alarms.values()) {
            assertEquals(List.of(Map.of("Ref", topicId)), props(alarm).get("AlarmActions"));
            assertEquals("notBreaching", props(alarm).get("TreatMissingData"));
        }
        assertEquals(dlqs, count(alarms, "ApproximateNumberOfMessagesVisible"));
        assertEquals(SystemTopology.FUNCTIONS.size(), count(alarms, "Errors"));
        assertEquals(SystemTopology.FUNCTIONS.size(), count(alarms, "Throttles"));
        assertEquals(SystemTopology.STATE_MACHINES.size(), count(alarms, "ExecutionsFailed"));
        assertEquals(1, count(alarms, "5xx"));
        template.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
    }

    @Test
    @DisplayName("one dashboard charts the AWS metrics and every business metric the functions emit as EMF")
    void dashboardShowsBusinessMetrics() {
        Map<String, Map<String, Object>> dashboards = template.findResources("AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size());
        String body = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(props(dashboards.values().iterator().next()).get("DashboardBody")).toString();
        for (BusinessMetric metric : BusinessMetric.values()) {
            assertTrue(body.contains(metric.metricName()), metric.metricName() + " is charted");
        }
        assertTrue(body.contains("AWS/ApiGateway") && body.contains("AWS/Lambda") && body.contains("AWS/SQS"));
    }

    @Test
    @DisplayName("SQS event sources have a maximum concurrency; the schedule's target has a DLQ")
    void consumersAreBoundedAndScheduleHasDlq() {
        template.findResources("AWS::Lambda::EventSourceMapping").values().forEach(m -> assertEquals(
                Map.of("MaximumConcurrency", GoStack.MAX_SQS_CONCURRENCY), props(m).get("ScalingConfig")));
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("Targets", List.of(Match.objectLike(
                Map.of("DeadLetterConfig", Map.of("Arn", Match.anyValue())))))));
    }

    @Test
    @DisplayName("the API writes a JSON access log line per request, keyed by the request id clients get")
    void apiHasAccessLogs() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of("AccessLogSettings",
                Match.objectLike(Map.of("Format", Match.stringLikeRegexp(".*\\$context.requestId.*"))))));
    }

    @Test
    @DisplayName("tables have deletion protection; old asset versions expire; the user pool has a password policy and threat protection")
    void dataIsGuarded() {
        template.findResources("AWS::DynamoDB::Table").values()
                .forEach(t -> assertEquals(true, props(t).get("DeletionProtectionEnabled")));
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("VersioningConfiguration",
                Map.of("Status", "Enabled"), "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 90), "Status", "Enabled")))))));
        template.hasResourceProperties("AWS::Cognito::UserPool", Match.objectLike(Map.of(
                "Policies", Map.of("PasswordPolicy", Match.objectLike(Map.of("MinimumLength", 12, "RequireSymbols", true))),
                "UserPoolAddOns", Map.of("AdvancedSecurityMode", "ENFORCED"))));
    }

    private static long count(Map<String, Map<String, Object>> alarms, String idPart) {
        return alarms.keySet().stream().filter(id -> id.contains(idPart.replace("ApproximateNumberOfMessagesVisible", "DlqDepth"))).count();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }
}
