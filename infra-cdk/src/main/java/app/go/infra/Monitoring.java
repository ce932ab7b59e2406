package app.go.infra;

import app.go.support.log.BusinessMetric;
import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.topology.QueueSpec;
import app.go.wiring.topology.StateMachineSpec;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an operator watches: an SNS topic every alarm notifies (context {@code alarmEmail}
 * subscribes an address), alarms on each DLQ's depth, each function's errors and throttles, each
 * state machine's failed executions and the API's 5xx, and one dashboard with those metrics and
 * the business metrics the functions emit as EMF ({@link BusinessMetric}).
 */
final class Monitoring extends Construct {
    static final String ALARM_EMAIL_CONTEXT = "alarmEmail";
    private static final Duration PERIOD = Duration.minutes(5);

    /** The resources to watch, as GoStack built them from the topology. */
    record Watched(Map<FunctionSpec, Function> functions, Map<QueueSpec, Queue> queues,
                   Map<String, Queue> scheduleDlqs, Map<StateMachineSpec, StateMachine> stateMachines, HttpApi api) {}

    private final Topic topic;
    private final SnsAction notify;

    Monitoring(Construct scope, String id, Watched watched) {
        super(scope, id);
        // CloudWatch cannot publish to a topic under the AWS-managed SNS key: a key of our own that it may use
        Key key = Key.Builder.create(this, "AlarmTopicKey")
                .enableKeyRotation(true)
                .description("encrypts the alarm topic; CloudWatch alarms may use it")
                .build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        topic = Topic.Builder.create(this, "AlarmTopic").masterKey(key).enforceSsl(true).build();
        Object email = getNode().tryGetContext(ALARM_EMAIL_CONTEXT);
        if (email != null && !email.toString().isBlank()) topic.addSubscription(new EmailSubscription(email.toString()));
        notify = new SnsAction(topic);

        List<IWidget> widgets = new ArrayList<>();
        apiAlarms(watched.api(), widgets);
        queueAlarms(watched, widgets);
        functionAlarms(watched.functions(), widgets);
        stateMachineAlarms(watched.stateMachines(), widgets);
        widgets.add(graph("Business metrics (EMF, namespace " + BusinessMetric.NAMESPACE + ")", businessMetrics()));

        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
                .defaultInterval(Duration.hours(3))
                .widgets(rows(widgets))
                .build();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(topic.getTopicArn()).build();
        CfnOutput.Builder.create(this, "DashboardName").value(dashboard.getDashboardName()).build();
    }

    private void apiAlarms(HttpApi api, List<IWidget> widgets) {
        Metric serverErrors = api.metricServerError(sum());
        alarm("HttpApi5xx", serverErrors, 1, "the HTTP API answered 5xx (see the access log by requestId)");
        widgets.add(graph("HTTP API", List.of(api.metricCount(sum()), api.metricClientError(sum()), serverErrors)));
        widgets.add(graph("HTTP API latency p99", List.of(api.metricLatency(MetricOptions.builder()
                .statistic("p99").period(PERIOD).build()))));
    }

    private void queueAlarms(Watched watched, List<IWidget> widgets) {
        List<IMetric> depth = new ArrayList<>();
        List<IMetric> dlqDepth = new ArrayList<>();
        watched.queues().forEach((spec, queue) -> {
            depth.add(queue.metricApproximateNumberOfMessagesVisible(max()));
            Queue dlq = queue.getDeadLetterQueue().getQueue() instanceof Queue q ? q : null;
            if (dlq != null) dlqDepth.add(dlqAlarm(GoStack.pascal(spec.id()) + "Dlq", dlq));
        });
        watched.scheduleDlqs().forEach((schedule, dlq) -> dlqDepth.add(dlqAlarm(GoStack.pascal(schedule) + "TargetDlq", dlq)));
        widgets.add(graph("Queue depth", depth));
        widgets.add(graph("DLQ depth (redrive: see README, Operations)", dlqDepth));
    }

    private Metric dlqAlarm(String id, Queue dlq) {
        Metric visible = dlq.metricApproximateNumberOfMessagesVisible(max());
        alarm(id + "Depth", visible, 1, "a message could not be processed and waits in " + id);
        return visible;
    }

    private void functionAlarms(Map<FunctionSpec, Function> functions, List<IWidget> widgets) {
        List<IMetric> errors = new ArrayList<>();
        List<IMetric> throttles = new ArrayList<>();
        List<IMetric> durations = new ArrayList<>();
        functions.forEach((spec, fn) -> {
            Metric e = fn.metricErrors(sum());
            Metric t = fn.metricThrottles(sum());
            alarm(spec.id() + "Errors", e, 1, spec.id() + " failed an invocation");
            alarm(spec.id() + "Throttles", t, 1, spec.id() + " was throttled");
            errors.add(e);
            throttles.add(t);
            durations.add(fn.metricDuration(MetricOptions.builder().statistic("p99").period(PERIOD).build()));
        });
        widgets.add(graph("Function errors", errors));
        widgets.add(graph("Function throttles", throttles));
        widgets.add(graph("Function duration p99", durations));
    }

    private void stateMachineAlarms(Map<StateMachineSpec, StateMachine> machines, List<IWidget> widgets) {
        List<IMetric> failed = new ArrayList<>();
        machines.forEach((spec, machine) -> {
            Metric f = machine.metricFailed(sum());
            alarm(GoStack.pascal(spec.id()) + "ExecutionsFailed", f, 1, "a " + spec.id() + " execution failed");
            failed.add(f);
        });
        widgets.add(graph("State machine executions failed", failed));
    }

    private static List<IMetric> businessMetrics() {
        List<IMetric> metrics = new ArrayList<>();
        for (BusinessMetric metric : BusinessMetric.values()) {
            metrics.add(Metric.Builder.create().namespace(BusinessMetric.NAMESPACE).metricName(metric.metricName())
                    .dimensionsMap(Map.of(BusinessMetric.SERVICE_DIMENSION, BusinessMetric.SERVICE))
                    .statistic("Sum").period(PERIOD).build());
        }
        return metrics;
    }

    private void alarm(String id, Metric metric, double threshold, String description) {
        Alarm alarm = Alarm.Builder.create(this, id + "Alarm")
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(new ArrayList<>(metrics)).width(12).height(6).build();
    }

    private static List<List<IWidget>> rows(List<IWidget> widgets) {
        List<List<IWidget>> rows = new ArrayList<>();
        for (int i = 0; i < widgets.size(); i += 2) rows.add(widgets.subList(i, Math.min(i + 2, widgets.size())));
        return rows;
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }

    private static MetricOptions max() {
        return MetricOptions.builder().statistic("Maximum").period(PERIOD).build();
    }
}
