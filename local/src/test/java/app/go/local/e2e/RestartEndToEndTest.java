package app.go.local.e2e;

import app.go.local.GoLocal;
import app.go.local.dynamodb.faults.Fault;
import app.go.local.dynamodb.faults.Faults;
import app.go.local.dynamodb.faults.Operation;
import app.go.local.stepfunctions.ExecutionDescription;
import app.go.local.stepfunctions.ExecutionStatus;
import app.go.local.stepfunctions.HistoryEvent;
import app.go.wiring.topology.SystemTopology;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash and a restart on the same {@code --data-dir}: acknowledged client messages still waiting
 * (or in flight) on the queue, a handoff waiting for its follow-up and a training in the middle of a
 * task all carry on in the next run.
 */
class RestartEndToEndTest {
    private static final Duration ASYNC = Duration.ofSeconds(30);
    private static final int CONVERSATIONS = 12;
    private static final String T0 = "2026-03-08T09:00:00Z";

    private static int messages(JsonNode body) {
        return body.get("messages").size();
    }

    @Test
    @DisplayName("PA-BEH-1 PA-BEH-6 CM-TRN-1 a crash with queued messages, a waiting handoff and a running training: after the restart every acknowledged message is answered once, the follow-up fires, the training finishes")
    void restartKeepsQueuesAndExecutions(@TempDir Path dataDir) {
        List<String> conversations = new ArrayList<>();
        String handoff;
        String modelId;
        String trainingArn = null;
        GoLocal first = GoLocal.start(new GoLocal.Options(0, dataDir));
        try {
            LocalApiClient api = new LocalApiClient(first.uri());
            assertEquals(200, api.call("POST", "/local/clock", null, Map.of("at", T0)).status());
            String seller = seller(api);

            String client = api.token("c-restart-h", "client");
            handoff = api.call("POST", "/conversations", client,
                    Map.of("sellerId", "s-restart", "text", "Could you make me a custom offer for five logos?")).body()
                    .get("conversationId").asText();
            api.await("/conversations/" + handoff + "/summary", seller, b -> b.hasNonNull("summary"), ASYNC);
            String handoffMachine = first.environment().get(SystemTopology.HANDOFF_STATE_MACHINE_ENV);
            ExecutionDescription waiting = first.stepFunctions().listExecutions(handoffMachine, ExecutionStatus.RUNNING).get(0);
            awaitState(first, waiting.executionArn(), "WaitForSeller");

            // the assistant's claims fail from now on: acknowledged messages stay on the queue, none answered
            Faults faults = first.dynamoFaults().orElseThrow();
            faults.next(Operation.PUT_ITEM, SystemTopology.IDEMPOTENCY.localName(), 1_000_000, Fault.INTERNAL_ERROR);
            for (int i = 0; i < CONVERSATIONS; i++) {
                LocalApiClient.Response started = api.call("POST", "/conversations", api.token("c-restart-" + i, "client"),
                        Map.of("sellerId", "s-restart", "text", "Hello, how much does a logo cost?"));
                assertEquals(201, started.status(), started.body().toString());
                conversations.add(started.body().get("conversationId").asText());
            }

            modelId = model(api, seller);
            // the training's writes hang for a while: the crash comes in the middle of one of its tasks
            for (Operation write : List.of(Operation.UPDATE_ITEM, Operation.PUT_ITEM, Operation.TRANSACT_WRITE_ITEMS)) {
                faults.next(write, SystemTopology.CREATIONS.localName(), 1_000, Fault.delay(Duration.ofSeconds(4)));
            }
            assertEquals(202, api.call("POST", "/sellers/me/models/" + modelId + "/train", seller, null).status());
            String trainingMachine = first.environment().get(SystemTopology.TRAINING_STATE_MACHINE_ENV);
            long deadline = System.nanoTime() + ASYNC.toNanos();
            while (trainingArn == null && System.nanoTime() < deadline) {
                trainingArn = first.stepFunctions().listExecutions(trainingMachine, ExecutionStatus.RUNNING).stream()
                        .map(ExecutionDescription::executionArn).findFirst().orElse(null);
            }
            assertTrue(trainingArn != null, "the training runs");

            for (String id : conversations) {
                assertEquals(1, messages(api.call("GET", "/conversations/" + id + "/messages",
                        api.token("c-restart-" + conversations.indexOf(id), "client"), null).body()), "not answered before the crash");
            }
            assertEquals(ExecutionStatus.RUNNING, first.stepFunctions().describeExecution(trainingArn).status());
        } finally {
            first.halt();
        }

        try (GoLocal second = GoLocal.start(new GoLocal.Options(0, dataDir))) {
            LocalApiClient api = new LocalApiClient(second.uri());
            assertEquals(200, api.call("POST", "/local/clock", null, Map.of("at", "2026-03-08T09:01:00Z")).status());
            String seller = api.token("s-restart", "seller");

            for (int i = 0; i < CONVERSATIONS; i++) {
                String client = api.token("c-restart-" + i, "client");
                JsonNode answered = api.await("/conversations/" + conversations.get(i) + "/messages", client,
                        b -> messages(b) >= 2, ASYNC).body();
                assertEquals("ASSISTANT", answered.get("messages").get(1).get("author").asText());
            }
            JsonNode model = api.await("/sellers/me/models/" + modelId, seller,
                    b -> "READY".equals(b.path("status").asText()), ASYNC).body();
            assertEquals("READY", model.path("status").asText());
            assertEquals(ExecutionStatus.SUCCEEDED, second.stepFunctions().describeExecution(trainingArn).status(),
                    "the same execution resumed and finished");

            String client = api.token("c-restart-h", "client");
            api.call("POST", "/local/clock", null, Map.of("advance", "PT5H"));
            JsonNode after = api.await("/conversations/" + handoff + "/messages", client,
                    b -> b.toString().contains("-followup-"), ASYNC).body();
            assertEquals("ASSISTANT", after.get("messages").get(messages(after) - 1).get("author").asText(), "the follow-up");

            // redeliveries and the outbox relay settle: still exactly one reply each
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < CONVERSATIONS; i++) {
                assertEquals(2, messages(api.call("GET", "/conversations/" + conversations.get(i) + "/messages",
                        api.token("c-restart-" + i, "client"), null).body()), "answered exactly once");
            }
        }
    }

    private static void awaitState(GoLocal local, String executionArn, String state) {
        long deadline = System.nanoTime() + ASYNC.toNanos();
        while (System.nanoTime() < deadline) {
            List<HistoryEvent> history = local.stepFunctions().executionHistory(executionArn);
            HistoryEvent last = history.get(history.size() - 1);
            if ("StateEntered".equals(last.type()) && state.equals(last.stateName())) {
                return;
            }
            sleep();
        }
        throw new AssertionError(executionArn + " never waited in " + state);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An eligible, subscribed seller with an active assistant and a logo service and a tattoo service. */
    private static String seller(LocalApiClient api) {
        String platform = api.token("marketplace", "platform");
        String seller = api.token("s-restart", "seller");
        assertEquals(200, api.call("PUT", "/platform/sellers/s-restart", platform,
                Map.of("level", 2, "pro", false, "timezone", "Europe/Berlin")).status());
        assertEquals(200, api.call("PUT", "/sellers/me/profile", seller, Map.of("displayName", "Ada",
                "skills", List.of("logo design"), "languages", List.of("English"))).status());
        assertEquals(200, api.call("PUT", "/sellers/me/services/logo", seller, Map.of("title", "Logo design",
                "subcategory", "LOGO_DESIGN",
                "packages", List.of(Map.of("name", "Basic", "priceCents", 5000, "deliveryDays", 3, "revisions", 1)))).status());
        assertEquals(200, api.call("PUT", "/sellers/me/services/tattoo", seller, Map.of("title", "Custom tattoo designs",
                "subcategory", "TATTOO",
                "packages", List.of(Map.of("name", "Basic", "priceCents", 6000, "deliveryDays", 3, "revisions", 1)))).status());
        api.subscribeToAssistant(seller);
        assertEquals(200, api.call("POST", "/sellers/me/assistant/activate", seller, null,
                Map.of("X-Client-Platform", "mobile")).status());
        return seller;
    }

    private static String model(LocalApiClient api, String seller) {
        String assetId = LocalSystemTest.ok(api.call("POST", "/sellers/me/assets", seller, Map.of("kind", "IMAGE",
                "contentBase64", Base64.getEncoder().encodeToString(LocalSystemTest.png(32, new Color(180, 30, 60))),
                "filename", "flash.png", "source", "PORTFOLIO", "tags", List.of("fine line"), "ownWorkConfirmed", true)))
                .get("assetId").asText();
        String id = LocalSystemTest.ok(api.call("POST", "/sellers/me/models", seller, Map.of("subcategory", "TATTOO")))
                .get("id").asText();
        LocalSystemTest.ok(api.call("PUT", "/sellers/me/models/" + id + "/assets", seller, Map.of("assetIds", List.of(assetId))));
        assertFalse(id.isBlank());
        return id;
    }
}
