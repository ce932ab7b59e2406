package app.go.wiring.topology;

import app.go.wiring.topology.TableSpec.IndexSpec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one description of the deployed system: tables, queues, functions, event sources, state
 * machines, routes and schedules. {@code infra-cdk} synthesizes CloudFormation from it and
 * {@code local} starts the same system on one JVM from it, so the two cannot drift apart.
 */
public final class SystemTopology {
    private SystemTopology() {}

    // ---- tables: every partition key starts with the seller (tenant) id --------------------------

    /** Seller profile, services, assistant settings, knowledge base, known clients, notifications. */
    public static final TableSpec SELLERS = new TableSpec("sellers", "SELLERS_TABLE", "pk", "sk",
            List.of(), Optional.of("expiresAt"));

    /** Conversations (META item) and their messages; find a conversation by id or a seller's inbox. */
    public static final TableSpec CONVERSATIONS = new TableSpec("conversations", "CONVERSATIONS_TABLE", "pk", "sk",
            List.of(new IndexSpec("byConversationId", "conversationId", "sk"),
                    new IndexSpec("bySellerActivity", "inboxSellerId", "lastActivityAt"),
                    new IndexSpec("byOutbox", "outboxBucket", "outboxAt")),
            Optional.empty());

    /** Models, assets, generations and orders of the Creation Model. */
    public static final TableSpec CREATIONS = new TableSpec("creations", "CREATIONS_TABLE", "pk", "sk",
            List.of(new IndexSpec("byPublicId", "publicId", "sk"),
                    new IndexSpec("byOpenTraining", "trainingBucket", "trainingStartedAt")), Optional.empty());

    /**
     * Subscriptions, balance, ledger and payment reservations; subscriptions due for renewal by period end,
     * open reservations by the time they were written (the crash-recovery sweeper, BILL-13).
     */
    public static final TableSpec BILLING = new TableSpec("billing", "BILLING_TABLE", "pk", "sk",
            List.of(new IndexSpec("byRenewalDue", "renewalBucket", "currentPeriodEnd"),
                    new IndexSpec("byOpenReservation", "openBucket", "reservedAt")), Optional.empty());

    /** Idempotency records keyed on business keys; they expire. */
    public static final TableSpec IDEMPOTENCY = new TableSpec("idempotency", "IDEMPOTENCY_TABLE", "pk", null,
            List.of(), Optional.of("expiresAt"));

    public static final List<TableSpec> TABLES = List.of(SELLERS, CONVERSATIONS, CREATIONS, BILLING, IDEMPOTENCY);

    // ---- queues ----------------------------------------------------------------------------------

    /** Client messages waiting for the assistant, in order per conversation (group = conversation id). */
    public static final QueueSpec INBOUND_MESSAGES = new QueueSpec("inbound-messages", "INBOUND_MESSAGES_QUEUE_URL", true, 5);

    /** One message per subscription and period due for renewal. */
    public static final QueueSpec RENEWALS = new QueueSpec("renewals", "RENEWALS_QUEUE_URL", false, 5);

    /** Clients' generation requests (and revisions) for the Creation Model, one per generation id. */
    public static final QueueSpec GENERATIONS = new QueueSpec("generations", "GENERATIONS_QUEUE_URL", false, 5);

    public static final List<QueueSpec> QUEUES = List.of(INBOUND_MESSAGES, RENEWALS, GENERATIONS);

    // ---- state machine names (the functions below need the env var before the specs exist) -------
    public static final String HANDOFF_STATE_MACHINE_ENV = "HANDOFF_STATE_MACHINE_ARN";
    public static final String TRAINING_STATE_MACHINE_ENV = "TRAINING_STATE_MACHINE_ARN";
    public static final String FOLLOW_UP_STATE_MACHINE_ENV = "FOLLOW_UP_STATE_MACHINE_ARN";

    // ---- functions -------------------------------------------------------------------------------
    private static final Duration API_TIMEOUT = Duration.ofSeconds(15);

    public static final FunctionSpec HTTP_API = new FunctionSpec("HttpApi", "api", "app.go.api.HttpApiHandler",
            1024, API_TIMEOUT, List.of(SELLERS, CONVERSATIONS, CREATIONS, BILLING, IDEMPOTENCY),
            List.of(INBOUND_MESSAGES, RENEWALS, GENERATIONS), List.of(TRAINING_STATE_MACHINE_ENV, HANDOFF_STATE_MACHINE_ENV), true, true);

    public static final FunctionSpec ON_MESSAGE = new FunctionSpec("OnMessage", "assistant",
            "app.go.assistant.handler.OnMessageHandler", 1024, Duration.ofSeconds(30),
            List.of(SELLERS, CONVERSATIONS, IDEMPOTENCY), List.of(), List.of(HANDOFF_STATE_MACHINE_ENV, FOLLOW_UP_STATE_MACHINE_ENV), true, false);

    public static final FunctionSpec DECIDE_HANDOFF = new FunctionSpec("DecideHandoff", "assistant",
            "app.go.assistant.handler.DecideHandoffHandler", 512, Duration.ofSeconds(10),
            List.of(SELLERS, CONVERSATIONS, IDEMPOTENCY), List.of(), List.of(), false, false);

    public static final FunctionSpec SUMMARIZE = new FunctionSpec("Summarize", "assistant",
            "app.go.assistant.handler.SummarizeHandler", 1024, Duration.ofSeconds(30),
            List.of(SELLERS, CONVERSATIONS, IDEMPOTENCY), List.of(), List.of(), true, false);

    public static final FunctionSpec SEND_FOLLOW_UP = new FunctionSpec("SendFollowUp", "assistant",
            "app.go.assistant.handler.SendFollowUpHandler", 512, Duration.ofSeconds(15),
            List.of(SELLERS, CONVERSATIONS, IDEMPOTENCY), List.of(), List.of(), false, false);

    /** Sends client messages whose queue send after the write failed (the outbox, see OutboxRelay). */
    public static final FunctionSpec RELAY_OUTBOX = new FunctionSpec("RelayOutbox", "assistant",
            "app.go.assistant.handler.RelayOutboxHandler", 512, Duration.ofSeconds(60),
            List.of(CONVERSATIONS), List.of(INBOUND_MESSAGES), List.of(), false, false);

    public static final FunctionSpec TRAIN_MODEL = new FunctionSpec("TrainModel", "creation",
            "app.go.creation.handler.TrainModelHandler", 2048, Duration.ofSeconds(120),
            List.of(CREATIONS, SELLERS), List.of(), List.of(), true, true); // Bedrock: describes the reference set

    public static final FunctionSpec GENERATE_ASSET = new FunctionSpec("GenerateAsset", "creation",
            "app.go.creation.handler.GenerateAssetHandler", 2048, Duration.ofSeconds(60),
            List.of(CREATIONS, IDEMPOTENCY), List.of(), List.of(), true, true); // Bedrock: images and text (CM-GEN-8)

    /** CM-TRN-1: fails timed-out trainings and tells their sellers, read or not. */
    public static final FunctionSpec SWEEP_TRAININGS = new FunctionSpec("SweepTrainings", "creation",
            "app.go.creation.handler.SweepTrainingsHandler", 512, Duration.ofSeconds(60),
            List.of(CREATIONS, SELLERS), List.of(), List.of(), false, false);

    /** BILL-9 renewals due, BILL-11 retries due, BILL-13 the sweeper of abandoned payment reservations (orders too). */
    public static final FunctionSpec RUN_BILLING = new FunctionSpec("RunBilling", "billing",
            "app.go.billing.handler.RunBillingHandler", 512, Duration.ofSeconds(60),
            List.of(BILLING, SELLERS, IDEMPOTENCY, CREATIONS), List.of(RENEWALS), List.of(), false, false);

    public static final FunctionSpec RENEW_SUBSCRIPTION = new FunctionSpec("RenewSubscription", "billing",
            "app.go.billing.handler.RenewSubscriptionHandler", 512, Duration.ofSeconds(30),
            List.of(BILLING, SELLERS, IDEMPOTENCY), List.of(), List.of(), false, false);

    /** BILL-8: the refund for upgrading PA to Seller Plus Premium (the HTTP route runs the same domain service). */
    public static final FunctionSpec PRORATE_UPGRADE = new FunctionSpec("ProrateUpgrade", "billing",
            "app.go.billing.handler.ProrateUpgradeHandler", 256, Duration.ofSeconds(10),
            List.of(BILLING, SELLERS, IDEMPOTENCY), List.of(), List.of(), false, false);

    /** The functions that reach the payment provider (with Stripe they read its API key secret). */
    public static final List<FunctionSpec> PAYING_FUNCTIONS = List.of(HTTP_API, RUN_BILLING, RENEW_SUBSCRIPTION, PRORATE_UPGRADE);

    public static final List<FunctionSpec> FUNCTIONS = List.of(HTTP_API, ON_MESSAGE, DECIDE_HANDOFF, SUMMARIZE,
            SEND_FOLLOW_UP, RELAY_OUTBOX, TRAIN_MODEL, GENERATE_ASSET, SWEEP_TRAININGS, RUN_BILLING, RENEW_SUBSCRIPTION, PRORATE_UPGRADE);

    // ---- event sources ---------------------------------------------------------------------------
    public static final List<EventSourceSpec> EVENT_SOURCES = List.of(
            new EventSourceSpec(INBOUND_MESSAGES, ON_MESSAGE, 10, Duration.ZERO),
            new EventSourceSpec(RENEWALS, RENEW_SUBSCRIPTION, 10, Duration.ofSeconds(1)),
            new EventSourceSpec(GENERATIONS, GENERATE_ASSET, 5, Duration.ZERO));

    /** CM-GEN-8: the functions that generate assets (the worker and the API's playground) and so need the generators' configuration. */
    public static final List<FunctionSpec> ASSET_GENERATORS = List.of(HTTP_API, GENERATE_ASSET);
    /** CM-AST-6: run the asset checks (the API on PUT .../assets and train, the training's VALIDATE), so read text on images. */
    public static final List<FunctionSpec> ASSET_CHECKERS = List.of(HTTP_API, TRAIN_MODEL);
    /** Issue 7: embed knowledge texts (the API when the seller saves) and client messages (OnMessage) with Titan V2. */
    public static final List<FunctionSpec> KNOWLEDGE_EMBEDDERS = List.of(HTTP_API, ON_MESSAGE);

    // ---- state machines --------------------------------------------------------------------------

    /** PA handoff: decide, summarize, notify the seller, wait, follow up with the client (PA-BEH-3..6). */
    public static final StateMachineSpec HANDOFF = new StateMachineSpec("handoff", HANDOFF_STATE_MACHINE_ENV,
            "handoff.asl.json", Map.of(
                    "DecideHandoffFunctionArn", DECIDE_HANDOFF,
                    "SummarizeFunctionArn", SUMMARIZE,
                    "SendFollowUpFunctionArn", SEND_FOLLOW_UP));

    /** CM training pipeline (CM-TRN-1). */
    public static final StateMachineSpec TRAINING = new StateMachineSpec("training", TRAINING_STATE_MACHINE_ENV,
            "training.asl.json", Map.of("TrainModelFunctionArn", TRAIN_MODEL));

    /** PA-BEH-6 follow-ups the assistant starts itself: a message it could not answer, a handoff it declined. */
    public static final StateMachineSpec FOLLOW_UP = new StateMachineSpec("followup", FOLLOW_UP_STATE_MACHINE_ENV,
            "followup.asl.json", Map.of("SendFollowUpFunctionArn", SEND_FOLLOW_UP));

    public static final List<StateMachineSpec> STATE_MACHINES = List.of(HANDOFF, TRAINING, FOLLOW_UP);

    // ---- schedules -------------------------------------------------------------------------------

    /**
     * BILL-9: renewals run from a schedule; locally a timer following the test clock. Every 5 minutes, so
     * the sweeper reconciles a crashed payment within minutes (BILL-13); a run with nothing due reads one
     * index page.
     */
    public static final ScheduleSpec BILLING_SCHEDULE = new ScheduleSpec("BillingSchedule", "rate(5 minutes)",
            Duration.ofMinutes(5), RUN_BILLING);

    /** The outbox of client messages: a failed queue send is retried within about two minutes. */
    public static final ScheduleSpec OUTBOX_SCHEDULE = new ScheduleSpec("OutboxSchedule", "rate(1 minute)",
            Duration.ofMinutes(1), RELAY_OUTBOX);

    /**
     * CM-TRN-1: a training past {@link app.go.domain.creation.Model#TRAINING_STALE_AFTER} is failed, and
     * its seller told, within about 10 minutes of its deadline even if nobody reads the model; a run
     * with nothing stale reads one index page.
     */
    public static final ScheduleSpec TRAINING_SCHEDULE = new ScheduleSpec("TrainingSchedule", "rate(10 minutes)",
            Duration.ofMinutes(10), SWEEP_TRAININGS);

    public static final List<ScheduleSpec> SCHEDULES = List.of(BILLING_SCHEDULE, OUTBOX_SCHEDULE, TRAINING_SCHEDULE);

    // ---- HTTP API --------------------------------------------------------------------------------
    public static final List<RouteSpec> ROUTES = List.of(
            route("PUT", "/platform/sellers/{sellerId}"),
            route("PUT", "/platform/sellers/{sellerId}/clients/{clientId}"),
            route("GET", "/platform/sellers/{sellerId}/auto-replies"),
            route("POST", "/platform/billing/run"),
            route("POST", "/platform/sellers/{sellerId}/balance"),
            route("PUT", "/sellers/me/profile"),
            route("PUT", "/sellers/me/services/{serviceId}"),
            route("POST", "/sellers/me/assistant/activate"),
            route("GET", "/sellers/me/assistant"),
            route("PUT", "/sellers/me/assistant"),
            route("POST", "/sellers/me/assistant/pause"),
            route("POST", "/sellers/me/assistant/resume"),
            route("POST", "/sellers/me/assistant/deactivate"),
            route("POST", "/sellers/me/assistant/try"),
            route("PUT", "/sellers/me/presence"),
            route("GET", "/sellers/me/inbox"),
            route("GET", "/sellers/me/notifications"),
            route("GET", "/sellers/me/balance"),
            route("GET", "/sellers/me/ledger"),
            route("POST", "/sellers/me/subscriptions"),
            route("GET", "/sellers/me/subscriptions"),
            route("POST", "/sellers/me/subscriptions/{plan}/cancel"),
            route("POST", "/sellers/me/subscriptions/upgrade"),
            route("POST", "/platform/sellers/{sellerId}/seller-plus"),
            route("PUT", "/sellers/me/payment-method"),
            route("POST", "/sellers/me/assets"),
            route("POST", "/sellers/me/models"),
            route("GET", "/sellers/me/models"),
            route("GET", "/sellers/me/models/{id}"),
            route("PUT", "/sellers/me/models/{id}/assets"),
            route("POST", "/sellers/me/models/{id}/train"),
            route("POST", "/sellers/me/models/{id}/activate"),
            route("POST", "/sellers/me/models/{id}/deactivate"),
            route("PUT", "/sellers/me/models/{id}/visibility"),
            route("PUT", "/sellers/me/models/{id}/pricing"),
            route("PUT", "/sellers/me/models/{id}/instructions"),
            route("POST", "/sellers/me/models/{id}/publish"),
            route("POST", "/sellers/me/models/{id}/playground"),
            route("PUT", "/sellers/me/assets/{assetId}/tags"),
            route("GET", "/sellers/me/creations"),
            route("POST", "/models/{modelId}/generations"),
            route("GET", "/generations/{id}"),
            route("GET", "/generations/{id}/preview"),
            route("POST", "/generations/{id}/purchase"),
            route("GET", "/orders/{id}"),
            route("POST", "/orders/{id}/approve"),
            route("GET", "/orders/{id}/download"),
            route("POST", "/orders/{id}/revision"),
            route("POST", "/orders/{id}/review"),
            route("POST", "/orders/{id}/refund"),
            route("POST", "/reports"),
            route("GET", "/sellers/{sellerId}/models"),
            route("POST", "/generations/{id}/contact-seller"),
            route("POST", "/generations/{id}/feedback"),
            route("GET", "/sellers/me/models/{id}/feedback"),
            route("POST", "/conversations"),
            route("POST", "/conversations/{id}/messages"),
            route("GET", "/conversations/{id}/messages"),
            route("GET", "/conversations/{id}/summary"),
            route("POST", "/conversations/{id}/ask-for-seller"),
            route("POST", "/conversations/{id}/messages/{messageId}/feedback"),
            route("GET", "/sellers/me/assistant/knowledge"),
            route("GET", "/sellers/me/assistant/unanswered"),
            route("PUT", "/sellers/me/assistant/knowledge"),
            route("POST", "/sellers/me/assistant/knowledge/restore-defaults"),
            route("GET", "/sellers/me/response-stats"));

    private static RouteSpec route(String method, String path) {
        return new RouteSpec(method, path, HTTP_API, true);
    }

    /** The function an ASL file's placeholder points at, by function id (used by the local runtime). */
    public static FunctionSpec function(String id) {
        return FUNCTIONS.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown function " + id));
    }
}
