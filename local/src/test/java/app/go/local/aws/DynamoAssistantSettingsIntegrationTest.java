package app.go.local.aws;

import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.Availability;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.HandoffSettings;
import app.go.domain.seller.Presence;
import app.go.adapter.aws.dynamodb.DynamoSellerStore;
import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The assistant's settings, the seller's presence and the try counter in the sellers table (the local DynamoDB engine). */
class DynamoAssistantSettingsIntegrationTest {
    private static LocalDynamoDb server;
    private static DynamoDbClient dynamo;
    private static DynamoSellerStore sellers;

    @BeforeAll
    static void start() {
        server = LocalDynamoDb.start();
        dynamo = LocalAws.dynamoDbClient(server.endpoint());
        new TopologyProvisioner(dynamo, null, false).createTable(SystemTopology.SELLERS);
        sellers = new DynamoSellerStore(dynamo, SystemTopology.SELLERS.localName());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    @Test
    @DisplayName("PA-AV-3 PA-AV-4 PA-BEH-3 NAME-1 the settings come back as saved: name, schedule, excluded client types, handoff")
    void settingsRoundTrip() {
        Availability schedule = new Availability(Availability.Mode.SCHEDULE, Map.of(
                DayOfWeek.MONDAY, new Availability.TimeWindow(LocalTime.of(9, 0), LocalTime.of(17, 0)),
                DayOfWeek.SATURDAY, new Availability.TimeWindow(LocalTime.of(10, 30), LocalTime.of(12, 45))));
        AssistantSettings settings = AssistantSettings.initial().withState(AssistantState.ACTIVE, Instant.parse("2026-03-08T10:00:00Z"), "mobile")
                .withPreferences("Pixel", schedule, Set.of(ClientRecord.ClientType.PRO, ClientRecord.ClientType.BUSINESS),
                        new HandoffSettings(false, true, 45), Instant.parse("2026-03-08T11:00:00Z"), "desktop");
        sellers.saveAssistant("s-round", settings);
        assertEquals(settings, sellers.assistant("s-round"));

        AssistantSettings cleared = settings.withPreferences("Pixel", Availability.ALWAYS, Set.of(), HandoffSettings.DEFAULT,
                Instant.parse("2026-03-08T12:00:00Z"), "desktop");
        sellers.saveAssistant("s-round", cleared);
        assertEquals(cleared, sellers.assistant("s-round"));
    }

    @Test
    @DisplayName("PA-AV-1 an assistant item written before the availability settings existed reads with the defaults")
    void olderItemsReadWithDefaults() {
        dynamo.putItem(b -> b.tableName(SystemTopology.SELLERS.localName()).item(Map.of(
                "pk", AttributeValue.fromS("SELLER#s-old"), "sk", AttributeValue.fromS("ASSISTANT"),
                "name", AttributeValue.fromS("Helper"), "state", AttributeValue.fromS("ACTIVE"))));
        assertEquals(new AssistantSettings("Helper", AssistantState.ACTIVE, null, null), sellers.assistant("s-old"));
        assertEquals(Availability.ALWAYS, sellers.assistant("s-old").availability());
        assertEquals(HandoffSettings.DEFAULT, sellers.assistant("s-old").handoff());
    }

    @Test
    @DisplayName("PA-ACT-4 PA-AV-2 presence is stored per seller; a seller who never reported is offline and in office")
    void presence() {
        assertEquals(Presence.UNKNOWN, sellers.presence("s-presence"));
        Presence away = new Presence(true, true, Instant.parse("2026-03-08T10:00:00Z"));
        sellers.savePresence("s-presence", away);
        assertEquals(away, sellers.presence("s-presence"));
        assertEquals(Presence.UNKNOWN, sellers.presence("s-someone-else"));
    }

    @Test
    @DisplayName("PA-LIM-1 the try counter stops at 5 even under 12 concurrent tries")
    void tryCounterStopsAtLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tries.add(pool.submit(() -> sellers.tryCountAssistantTry("s-tries", 5)));
            }
            int counted = 0;
            for (Future<Boolean> attempt : tries) {
                counted += attempt.get() ? 1 : 0;
            }
            assertEquals(5, counted);
            assertEquals(5, sellers.assistantTries("s-tries"));
        } finally {
            pool.shutdownNow();
        }
    }
}
