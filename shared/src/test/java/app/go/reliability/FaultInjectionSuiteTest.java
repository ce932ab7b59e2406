package app.go.reliability;

import app.go.adapter.media.JdkMediaInspector;
import app.go.domain.creation.Asset;
import app.go.domain.creation.AssetSource;
import app.go.domain.creation.AssetValidationFailedException;
import app.go.domain.creation.CreationService;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.ModelStatus;
import app.go.domain.creation.StaleTrainingException;
import app.go.domain.creation.Subcategories;
import app.go.domain.port.StyleDescriber;
import app.go.testing.RecordingWorkflowStarter;
import app.go.testing.TestMedia;
import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.domain.assistant.AssistantResponder;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Renewal;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.domain.billing.Subscriptions;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.conversation.OutboxRelay;
import app.go.domain.port.AssetGenerator;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationStatus;
import app.go.domain.creation.GenerationWorker;
import app.go.domain.creation.Model;
import app.go.domain.creation.Pricing;
import app.go.domain.creation.TrainingPipeline;
import app.go.domain.port.BillingStore;
import app.go.domain.port.BlobStore;
import app.go.domain.port.ConversationStore;
import app.go.domain.port.CreationStore;
import app.go.domain.port.GenerationStore;
import app.go.domain.port.IdempotencyStore;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.MessageQueue;
import app.go.domain.port.PaymentGateway;
import app.go.domain.port.SellerStore;
import app.go.domain.port.WorkflowStarter;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.support.auth.Caller;
import app.go.support.time.AdjustableClock;
import app.go.testing.FaultPlan;
import app.go.testing.Faulty;
import app.go.testing.InMemoryBillingStore;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemoryGenerationStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingQueue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault-injection suite (domain level). Each path runs once to list the fault points it passes
 * (every call of every port, before and after it); then, for each point, a fresh world runs the
 * path with a fault there: the call fails (an outage of DynamoDB, SQS, Step Functions, the model or
 * the payment gateway) or takes effect and the process dies. The platform's retry follows (the
 * client's retry with the same Idempotency-Key, SQS redelivery after the visibility timeout, the
 * next relay or schedule run), and the run asserts no lost work, no double effect and no orphan.
 * Counts go to {@code target/fault-injection/report.json}, which the bench report includes.
 */
class FaultInjectionSuiteTest {
    private static final int RETRIES = 6;
    private static final Map<String, int[]> TALLY = new LinkedHashMap<>(); // path -> {injected, survived}

    /** One run of a path in a fresh world with the plan; throws AssertionError when an invariant breaks. */
    interface PathRun {
        void run(FaultPlan plan, Set<String> reached);
    }

    @TestFactory
    @DisplayName("PA-BEH-1 message path (start with Idempotency-Key, outbox, relay, assistant reply): every fault before and after every call is survived")
    Stream<DynamicTest> messagePath() {
        return cases("message", FaultInjectionSuiteTest::messageRun);
    }

    @TestFactory
    @DisplayName("BILL-9 renewal path (balance first, charge, period advance): every fault before and after every call is survived, one charge")
    Stream<DynamicTest> renewalPath() {
        return cases("renewal", FaultInjectionSuiteTest::renewalRun);
    }

    @TestFactory
    @DisplayName("CM-GEN-1 generation path (preview, final, READY): every fault before and after every call is survived, no PENDING left")
    Stream<DynamicTest> generationPath() {
        return cases("generation", FaultInjectionSuiteTest::generationRun);
    }

    @TestFactory
    @DisplayName("BILL-1 BILL-13 subscribe path (reserve, charge with the business key, activate): every fault before and after every call is survived, one net charge, the subscription ACTIVE")
    Stream<DynamicTest> subscribePath() {
        return cases("subscribe", FaultInjectionSuiteTest::subscribeRun);
    }

    @TestFactory
    @DisplayName("CM-GEN-5 BILL-13 purchase payment path (order reservation, charge with the order key): every fault before and after every call is survived, one net charge")
    Stream<DynamicTest> purchasePath() {
        return cases("purchase", FaultInjectionSuiteTest::purchaseRun);
    }

    @TestFactory
    @DisplayName("CM-TRN-1 CM-TRN-3 CM-MOD-2 training path (start, validate, train and store the profile, READY): every fault before and after every call is survived, one training counted, no TRAINING left")
    Stream<DynamicTest> trainingPath() {
        return cases("training", (plan, reached) -> trainingRun(plan, reached, true, false));
    }

    @TestFactory
    @DisplayName("CM-TRN-1 CM-TRN-3 failing training path (start, validate, train refused, FAILED): every fault before and after every call is survived, nothing counted, the seller told, no TRAINING left")
    Stream<DynamicTest> failedTrainingPath() {
        return cases("training-failed", (plan, reached) -> trainingRun(plan, reached, false, false));
    }

    @TestFactory
    @DisplayName("CM-TRN-1 abandoned training path (the run stops before any step, the staleness bound fails it on a read, the seller trains again, READY): every fault before and after every call is survived, the seller told once")
    Stream<DynamicTest> abandonedTrainingPath() {
        return cases("training-abandoned", (plan, reached) -> trainingRun(plan, reached, true, true));
    }

    private static Stream<DynamicTest> cases(String path, PathRun run) {
        Set<String> points = Faulty.points();
        run.run(new FaultPlan(), points); // a clean run: lists the points and must itself hold
        assertTrue(points.size() > 4, path + " passes too few fault points: " + points);
        return points.stream().map(point -> DynamicTest.dynamicTest(path + " fault at " + point, () -> {
            FaultPlan plan = new FaultPlan().arm(point);
            boolean survived = false;
            try {
                run.run(plan, Faulty.points());
                survived = true;
            } finally {
                synchronized (TALLY) {
                    int[] counts = TALLY.computeIfAbsent(path, p -> new int[2]);
                    counts[0] += plan.injected();
                    counts[1] += survived ? plan.injected() : 0;
                }
            }
            assertEquals(Map.of(), plan.unreached(), "the fault was armed on the path and must have been injected");
        }));
    }

    /** Runs {@code attempt} until it succeeds, as the platform retries; a fault may fail a few attempts. */
    private static <T> T retried(AdjustableClock clock, Supplier<T> attempt) {
        RuntimeException last = null;
        for (int i = 0; i < RETRIES; i++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                last = e;
                clock.advance(Duration.ofMinutes(3)); // SQS visibility timeout / claim expiry before the retry
            }
        }
        throw new AssertionError("not survived after " + RETRIES + " retries", last);
    }

    // ---- message ---------------------------------------------------------------------------------

    private static void messageRun(FaultPlan plan, Set<String> reached) {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
        InMemoryConversationStore conversationsData = new InMemoryConversationStore();
        InMemorySellerStore sellersData = new InMemorySellerStore();
        sellersData.saveAccount(new SellerAccount("s-f", 2, false, "UTC", false));
        sellersData.saveAssistant("s-f", AssistantSettings.initial().withState(AssistantState.ACTIVE, clock.instant(), "mobile"));
        RecordingQueue queueData = new RecordingQueue();
        ConversationStore conversations = Faulty.wrap(ConversationStore.class, conversationsData, plan, "dynamodb.conversations", reached);
        SellerStore sellers = Faulty.wrap(SellerStore.class, sellersData, plan, "dynamodb.sellers", reached);
        IdempotencyStore idempotency = Faulty.wrap(IdempotencyStore.class, InMemoryIdempotencyStore.expiring(clock), plan,
                "dynamodb.idempotency", reached);
        MessageQueue queue = Faulty.wrap(MessageQueue.class, queueData, plan, "sqs.inbound", reached);
        LanguageModel model = Faulty.wrap(LanguageModel.class, new OfflineLanguageModel(), plan, "bedrock", reached);
        WorkflowStarter workflows = Faulty.wrap(WorkflowStarter.class, (name, input) -> name, plan, "sfn", reached);
        ConversationService service = new ConversationService(conversations, sellers, queue, clock);
        OutboxRelay relay = new OutboxRelay(conversations, queue, clock);
        AssistantResponder responder = new AssistantResponder(conversations, sellers, model, idempotency, workflows, clock);
        Caller client = new Caller("u-f", Caller.Role.CLIENT);

        Conversation conversation = retried(clock, () -> service.start(client, "s-f", null, "Hello, do you design logos?",
                Optional.of("idem-1")));
        // every body the queue ever accepted is delivered (duplicates included: the business key must absorb them),
        // each redelivered until its handler succeeds; the relay runs like its schedule until the outbox is empty
        int delivered = 0;
        for (int round = 0; round < RETRIES; round++) {
            clock.advance(OutboxRelay.GRACE.plusSeconds(30));
            retried(clock, relay::relay);
            List<RecordingQueue.Sent> sent = queueData.sent();
            for (RecordingQueue.Sent message : sent.subList(delivered, sent.size())) {
                retried(clock, () -> { // as OnMessageHandler does
                    responder.respond((InboundMessage) message.body());
                    conversations.markHandled((InboundMessage) message.body());
                    return null;
                });
            }
            delivered = sent.size();
            if (conversationsData.unhandled(Instant.MAX, 10).isEmpty() && delivered == queueData.sent().size()) {
                break;
            }
        }

        assertEquals(1, conversationsData.inbox("s-f").size(), "one conversation, however often the start was retried");
        assertEquals(conversation.conversationId(), conversationsData.inbox("s-f").get(0).conversationId());
        assertTrue(conversationsData.inbox("s-f").get(0).newClient(), "a retried start keeps the client new");
        long clientMessages = conversationsData.messages(conversation).stream().filter(m -> m.author() == Author.CLIENT).count();
        long replies = conversationsData.messages(conversation).stream().filter(m -> m.author() == Author.ASSISTANT).count();
        assertEquals(1, clientMessages, "no duplicate of the client's message");
        assertEquals(1, replies, "the acknowledged message is answered exactly once");
        assertEquals(List.of(), conversationsData.unhandled(Instant.MAX, 10), "no orphan in the outbox");
        assertEquals(1, sellersData.assistantMessagesOn("s-f", java.time.LocalDate.of(2026, 3, 2)),
                "the seller's daily budget is counted once");
    }

    // ---- renewal ---------------------------------------------------------------------------------

    private static void renewalRun(FaultPlan plan, Set<String> reached) {
        Instant periodEnd = Instant.parse("2026-03-18T00:00:00Z");
        AdjustableClock clock = new AdjustableClock(Clock.fixed(periodEnd, ZoneOffset.UTC));
        InMemoryBillingStore billingData = new InMemoryBillingStore();
        billingData.put(new Subscription("s-r", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE,
                Instant.parse("2026-02-18T00:00:00Z"), periodEnd, 18, new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa"), true));
        billingData.setBalance("s-r", 900);
        OfflinePaymentGateway gatewayData = new OfflinePaymentGateway();
        Renewal renewal = new Renewal(
                Faulty.wrap(BillingStore.class, billingData, plan, "dynamodb.billing", reached),
                Faulty.wrap(SellerStore.class, new InMemorySellerStore(), plan, "dynamodb.sellers", reached),
                Faulty.wrap(IdempotencyStore.class, InMemoryIdempotencyStore.expiring(clock), plan, "dynamodb.idempotency", reached),
                Faulty.wrap(PaymentGateway.class, gatewayData, plan, "gateway", reached), clock);

        retried(clock, () -> renewal.renew("s-r", Plan.PERSONAL_ASSISTANT, periodEnd));
        retried(clock, () -> renewal.renew("s-r", Plan.PERSONAL_ASSISTANT, periodEnd)); // a duplicate message

        assertEquals(1, gatewayData.charges(), "one approved charge");
        assertEquals(2_000L, gatewayData.chargedCents(), "the price less the balance used, once");
        assertEquals(0L, billingData.balance("s-r"), "the balance is used once");
        assertEquals(Instant.parse("2026-04-18T00:00:00Z"),
                billingData.subscription("s-r", Plan.PERSONAL_ASSISTANT).orElseThrow().currentPeriodEnd(), "renewed once");
    }

    // ---- subscribe -------------------------------------------------------------------------------

    private static void subscribeRun(FaultPlan plan, Set<String> reached) {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
        InMemoryBillingStore billingData = new InMemoryBillingStore();
        InMemorySellerStore sellersData = new InMemorySellerStore();
        sellersData.saveAccount(new SellerAccount("s-s", 2, false, "UTC", false));
        OfflinePaymentGateway gatewayData = new OfflinePaymentGateway();
        Subscriptions subscriptions = new Subscriptions(
                Faulty.wrap(BillingStore.class, billingData, plan, "dynamodb.billing", reached),
                Faulty.wrap(SellerStore.class, sellersData, plan, "dynamodb.sellers", reached),
                Faulty.wrap(PaymentGateway.class, gatewayData, plan, "gateway", reached), clock);
        PaymentMethod card = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa");

        // the seller retries until answered; ALREADY_SUBSCRIBED is an answer (an earlier attempt finished)
        retried(clock, () -> {
            try {
                return subscriptions.subscribe("s-s", Plan.PERSONAL_ASSISTANT, card, true).subscription();
            } catch (app.go.support.errors.DomainException e) {
                if ("ALREADY_SUBSCRIBED".equals(e.code())) return null;
                throw e;
            }
        });

        assertEquals(Plan.PERSONAL_ASSISTANT.priceCents(), gatewayData.chargedCents() - gatewayData.refundedCents(),
                "charged once, net of refunds");
        assertEquals(SubscriptionStatus.ACTIVE,
                billingData.subscription("s-s", Plan.PERSONAL_ASSISTANT).orElseThrow().status(), "active, not left PENDING");
    }

    // ---- purchase --------------------------------------------------------------------------------

    private static void purchaseRun(FaultPlan plan, Set<String> reached) {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
        OfflinePaymentGateway gatewayData = new OfflinePaymentGateway();
        app.go.domain.billing.OrderPayment orders = new app.go.domain.billing.OrderPayment(
                Faulty.wrap(BillingStore.class, new InMemoryBillingStore(), plan, "dynamodb.billing", reached),
                Faulty.wrap(PaymentGateway.class, gatewayData, plan, "gateway", reached));
        PaymentMethod card = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa");

        String first = retried(clock, () -> orders.pay("order#gen_1", "c-1", card, 4_000, clock.instant()).chargeId());
        // 20 more requests for the same order, as parallel purchases with other card tokens would send
        for (int i = 0; i < 20; i++) {
            PaymentMethod other = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa_" + i);
            assertEquals(first, retried(clock, () -> orders.pay("order#gen_1", "c-1", other, 4_000, clock.instant()).chargeId()),
                    "the same charge answers every retry");
        }

        assertEquals(4_000L, gatewayData.chargedCents() - gatewayData.refundedCents(), "charged once, net of refunds");
    }

    // ---- generation ------------------------------------------------------------------------------

    private static void generationRun(FaultPlan plan, Set<String> reached) {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        InMemoryCreationStore models = new InMemoryCreationStore();
        InMemoryGenerationStore generationsData = new InMemoryGenerationStore(models);
        InMemoryBlobStore blobsData = new InMemoryBlobStore();
        Instant now = clock.instant();
        models.createModel(Model.draft("mdl_1", "s-g", "TATTOO", now).training("trn_1", "Tattoo #1", now).ready(now)
                .withPricing(Pricing.perUnit(2_000), now).withPublished(true, now));
        blobsData.put(TrainingPipeline.profileKey("s-g", "mdl_1", "trn_1"),
                "{\"trainingId\":\"trn_1\",\"style\":{\"meanRgb\":[10,10,10]}}".getBytes(StandardCharsets.UTF_8), "application/json");
        generationsData.createGeneration(Generation.requested("gen_1", "s-g", "mdl_1", "c-1", "a rose", 1, 2_000, "USD", now));
        GenerationWorker worker = new GenerationWorker(
                Faulty.wrap(CreationStore.class, models, plan, "dynamodb.creations", reached),
                Faulty.wrap(GenerationStore.class, generationsData, plan, "dynamodb.generations", reached),
                Faulty.wrap(BlobStore.class, blobsData, plan, "s3", reached),
                Faulty.wrap(AssetGenerator.class, new OfflineAssetGenerator(), plan, "model", reached),
                Faulty.wrap(IdempotencyStore.class, InMemoryIdempotencyStore.expiring(clock), plan, "dynamodb.idempotency", reached),
                clock);

        int[] receive = {0};
        retried(clock, () -> worker.generate("s-g", "gen_1", ++receive[0] >= 5));
        retried(clock, () -> worker.generate("s-g", "gen_1", false)); // a duplicate message

        Generation done = generationsData.generation("s-g", "gen_1").orElseThrow();
        assertEquals(GenerationStatus.READY, done.status(), "produced, not left PENDING");
        assertTrue(blobsData.get(Generation.previewKey("s-g", "gen_1")).isPresent(), "preview stored");
        assertTrue(blobsData.get(Generation.finalKey("s-g", "gen_1")).isPresent(), "final stored");
    }

    // ---- training --------------------------------------------------------------------------------

    /** The error classes training.asl.json does not retry (its first Retry entry, MaxAttempts 0). */
    private static final Set<Class<?>> PERMANENT_TASK_ERRORS =
            Set.of(AssetValidationFailedException.class, StaleTrainingException.class, IllegalArgumentException.class);
    private static final String REFUSED = "the style model refused the references";

    /**
     * The seller starts a training and reads the model until the training ended; Step Functions runs each
     * started execution once, as training.asl.json does; a model left TRAINING with no run to finish it
     * (a crash between the write and the start) is failed by the staleness bound on the next read, and the
     * seller starts again. {@code succeeds == false}: the style model refuses the references for good;
     * {@code abandonFirst}: the first execution stops before any step (stopped, or its own timeout).
     */
    private static void trainingRun(FaultPlan plan, Set<String> reached, boolean succeeds, boolean abandonFirst) {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        InMemoryCreationStore modelsData = new InMemoryCreationStore();
        InMemorySellerStore sellersData = new InMemorySellerStore();
        InMemoryBlobStore blobsData = new InMemoryBlobStore();
        RecordingWorkflowStarter executions = new RecordingWorkflowStarter();
        sellersData.saveAccount(new SellerAccount("s-t", 2, false, "UTC", false));
        sellersData.offers("s-t", "TATTOO");
        CreationService setup = new CreationService(modelsData, sellersData, blobsData, executions, Subcategories.standard(),
                new JdkMediaInspector(), clock);
        Asset image = setup.uploadAsset("s-t", new CreationService.Upload(MediaKind.IMAGE,
                Base64.getEncoder().encodeToString(TestMedia.png(512, 512, java.awt.Color.BLUE)), "a.png", AssetSource.UPLOAD,
                List.of("style"), true));
        String modelId = setup.createModel("s-t", "TATTOO").id();
        setup.setAssets("s-t", modelId, List.of(image.id()));
        int quotaBefore = setup.trainingsLeft(modelsData.model("s-t", modelId).orElseThrow());

        // each Lambda invocation wraps its own ports, so every step's calls are fault points of their own
        java.util.function.Function<String, CreationService> api = role -> new CreationService(
                Faulty.wrap(CreationStore.class, modelsData, plan, role + ":dynamodb.creations", reached),
                Faulty.wrap(SellerStore.class, sellersData, plan, role + ":dynamodb.sellers", reached),
                Faulty.wrap(BlobStore.class, blobsData, plan, role + ":s3", reached),
                Faulty.wrap(WorkflowStarter.class, executions, plan, role + ":sfn", reached), Subcategories.standard(),
                new JdkMediaInspector(), clock);
        StyleDescriber styleModel = succeeds ? StyleDescriber.MEASURED : (measured, references) -> {
            throw new IllegalArgumentException(REFUSED);
        };
        java.util.function.Function<String, TrainingPipeline> step = name -> new TrainingPipeline(
                Faulty.wrap(CreationStore.class, modelsData, plan, name + ":dynamodb.creations", reached),
                Faulty.wrap(SellerStore.class, sellersData, plan, name + ":dynamodb.sellers", reached),
                Faulty.wrap(BlobStore.class, blobsData, plan, name + ":s3", reached), Subcategories.standard(),
                new JdkMediaInspector(), Faulty.wrap(StyleDescriber.class, styleModel, plan, name + ":bedrock", reached), clock);
        CreationService start = api.apply("start");
        CreationService read = api.apply("read");
        Map<String, TrainingPipeline> pipeline = Map.of("VALIDATE", step.apply("validate"), "TRAIN", step.apply("train"),
                "FINISH", step.apply("finish"), "FAIL", step.apply("fail"));

        Set<String> trainingIds = new java.util.LinkedHashSet<>();
        Set<String> ran = new java.util.HashSet<>();
        Model last = null;
        for (int round = 0; round < RETRIES; round++) {
            last = retried(clock, () -> read.model("s-t", modelId));
            if (trainingEnded(last, succeeds)) {
                break;
            }
            if (last.status() == ModelStatus.TRAINING) {
                clock.advance(Model.TRAINING_STALE_AFTER.plusMinutes(1)); // no run owns it: the bound fails it at the next read
                continue;
            }
            // never started, or failed without the pipeline's verdict (the start itself failed, timed out): start again
            retried(clock, () -> {
                try {
                    return start.startTraining("s-t", modelId);
                } catch (app.go.support.errors.DomainException e) {
                    if ("TRAINING_IN_PROGRESS".equals(e.code())) return null; // an earlier attempt got that far
                    throw e;
                }
            });
            Optional.ofNullable(modelsData.model("s-t", modelId).orElseThrow().trainingId()).ifPresent(trainingIds::add);
            for (Map.Entry<String, Object> execution : executions.started().entrySet()) {
                if (ran.add(execution.getKey()) && !(abandonFirst && ran.size() == 1)) {
                    runTrainingExecution(pipeline, (Map<?, ?>) execution.getValue());
                }
            }
        }

        Model stored = modelsData.model("s-t", modelId).orElseThrow();
        assertTrue(trainingEnded(stored, succeeds), "the training ended as it should: " + stored);
        assertEquals(last, stored, "what the seller reads is what is stored");
        // the seller hears once how the training ended; an earlier attempt is at most reported failed (a start the
        // seller saw fail needs no notice), never done
        List<app.go.domain.seller.Notification> notes = sellersData.notifications("s-t");
        String outcome = succeeds ? "TRAINING_DONE" : "TRAINING_FAILED";
        assertEquals(1, notes.stream().filter(n -> n.id().equals("training-" + stored.trainingId()) && n.type().equals(outcome)).count(),
                "the seller is told once that training " + stored.trainingId() + " ended " + outcome + ": " + notes);
        for (app.go.domain.seller.Notification note : notes) {
            assertTrue(trainingIds.contains(note.id().substring("training-".length())), "a notice of an unknown training: " + note);
            if (!note.id().equals("training-" + stored.trainingId())) {
                assertEquals("TRAINING_FAILED", note.type(), "an earlier training did not succeed: " + note);
            }
        }
        assertEquals(notes.stream().map(app.go.domain.seller.Notification::id).distinct().count(), notes.size(),
                "one notice per training: " + notes);
        if (abandonFirst) {
            String abandoned = trainingIds.iterator().next();
            assertEquals(1, notes.stream().filter(n -> n.id().equals("training-" + abandoned)).count(),
                    "the abandoned training " + abandoned + " is reported failed once: " + notes);
        }
        if (succeeds) {
            assertEquals(1, stored.trainingsUsed(), "one training counted, however often a step was retried");
            assertEquals(1, stored.trainingStarts().size(), "one training start remembered");
            assertEquals(quotaBefore - 1, setup.trainingsLeft(stored), "the quota is used once");
            assertTrue(blobsData.get(TrainingPipeline.profileKey("s-t", modelId, stored.trainingId())).isPresent(),
                    "the style profile of the current training is stored");
        } else {
            assertEquals(0, stored.trainingsUsed(), "a failed training is not counted");
            assertEquals(quotaBefore, setup.trainingsLeft(stored), "the quota is untouched");
        }
    }

    private static boolean trainingEnded(Model model, boolean succeeds) {
        if (succeeds) {
            return model.status() == ModelStatus.READY;
        }
        return model.status() == ModelStatus.FAILED && model.failureReason() != null && model.failureReason().contains(REFUSED);
    }

    /** One execution of training.asl.json: ValidateAssets, Train, MarkReady; any failure goes to MarkFailed. */
    private static void runTrainingExecution(Map<String, TrainingPipeline> pipeline, Map<?, ?> input) {
        String sellerId = (String) input.get("sellerId");
        String modelId = (String) input.get("modelId");
        String trainingId = (String) input.get("trainingId");
        try {
            task(() -> pipeline.get("VALIDATE").validate(sellerId, modelId, trainingId));
            task(() -> pipeline.get("TRAIN").train(sellerId, modelId, trainingId));
            task(() -> pipeline.get("FINISH").finish(sellerId, modelId, trainingId));
        } catch (RuntimeException failed) {
            Map<String, String> error = Map.of("Error", failed.getClass().getName(), "Cause", String.valueOf(failed.getMessage()));
            try {
                task(() -> pipeline.get("FAIL").fail(sellerId, modelId, trainingId, error));
            } catch (RuntimeException markFailedFailed) {
                // TrainingFailed: the model may still say TRAINING; the staleness bound is its owner then
            }
        }
    }

    /** A Task state: the permanent errors fail at once, any other failure is retried 3 times (the ASL's Retry). */
    private static <T> T task(Supplier<T> step) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= 3; attempt++) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (PERMANENT_TASK_ERRORS.contains(e.getClass())) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    @AfterAll
    static void report() throws IOException {
        ObjectNode report = app.go.support.json.Json.object();
        int injected = 0;
        int survived = 0;
        synchronized (TALLY) {
            for (Map.Entry<String, int[]> path : TALLY.entrySet()) {
                ObjectNode row = report.putObject(path.getKey());
                row.put("injected", path.getValue()[0]);
                row.put("survived", path.getValue()[1]);
                injected += path.getValue()[0];
                survived += path.getValue()[1];
            }
        }
        report.put("injected", injected);
        report.put("survived", survived);
        Path file = Path.of("target", "fault-injection", "report.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, app.go.support.json.Json.write(report));
    }
}
