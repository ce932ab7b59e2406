package app.go.local.bench;

import app.go.adapter.offline.OfflineLanguageModel;
import app.go.assistant.handler.OnMessageHandler;
import app.go.assistant.handler.OnMessagePriming;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.HandledBy;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.conversation.Message;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.KnowledgeService;
import app.go.domain.knowledge.ToneProfile;
import app.go.domain.port.ConversationStore;
import app.go.domain.port.SellerStore;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.adapter.aws.dynamodb.Items;
import app.go.local.aws.LocalAws;
import app.go.local.aws.ProvisionedResources;
import app.go.support.config.Env;
import app.go.support.json.Json;
import app.go.wiring.Adapters;
import app.go.wiring.topology.SystemTopology;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 7 item 5, measured: the DynamoDB calls {@code OnMessageHandler} makes for one normal reply,
 * counted by an SDK interceptor on the handler's own wiring ({@code new OnMessageHandler(adapters)},
 * the offline model), against a local DynamoDB endpoint; then the warm handler's p50 against the p50
 * of as many sequential GetItems on the same client. {@code OnMessageCallBudgetTest} asserts the
 * budget on it and the bench reports it, so both read one figure.
 */
public final class ReplyCallBudget {
    /** The budget of issue 7 item 5. */
    public static final int BUDGET = 8;
    private static final String SERVICE = "svc-1";
    private static final String QUESTION = "Which file formats do you deliver?";
    private static final int JIT_RUNS = 5;

    /** The SnapStart priming on the same wiring: whether every step ran, and the DynamoDB operations it sent. */
    public record Priming(boolean ok, List<String> calls) {
        /** Whether it sends every DynamoDB operation a normal reply sends (else it warms another path). */
        public boolean covers(List<String> replyCalls) {
            return calls.containsAll(replyCalls);
        }
    }

    /** Warm handler invocations against as many GetItems as one reply makes calls, each a p50 of {@code runs}. */
    public record Warm(int runs, int getItems, double handlerP50Ms, double getItemsP50Ms) {
        public double ratio() {
            return handlerP50Ms / getItemsP50Ms;
        }
    }

    /**
     * {@code calls}: the operations of one reply in order; {@code replies}: the reply items stored for
     * the message; {@code counted}: the seller's daily count after the reply and after SQS delivered it again.
     */
    public record Result(List<String> calls, boolean batchFailed, long replies, long repliesAfterRedelivery, int counted,
                         int countedAfterRedelivery, Priming priming, Warm warm) {
        /** Calls per operation, in the order each first appears. */
        public Map<String, Integer> byOperation() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            calls.forEach(c -> counts.merge(c, 1, Integer::sum));
            return counts;
        }
    }

    private final Adapters adapters;
    private final DynamoCallCounter counter = new DynamoCallCounter();
    private final Clock clock;
    private final String seller;

    /**
     * @param environment a function's environment (tables, endpoints, credentials, state machine ARNs):
     *                    {@link #environment} for bare tables, or the local runtime's
     * @param clock       the handler's clock; the seeded messages are a little older than its instant
     * @param seller      a seller id not used by anything else on these tables
     */
    public ReplyCallBudget(Map<String, String> environment, Clock clock, String seller) {
        this.clock = clock;
        this.seller = seller;
        this.adapters = new Adapters(new Env(environment), clock, a -> new OfflineLanguageModel(), a -> {
            throw new IllegalStateException("the message path stores no files");
        }).interceptDynamoDb(counter);
    }

    /**
     * The environment of the OnMessage function on tables provisioned at {@code dynamoDb}; SQS and Step
     * Functions point at a closed port, so a normal reply that called them would fail, not pass unseen.
     */
    public static Map<String, String> environment(ProvisionedResources resources, URI dynamoDb) {
        String closed = "http://127.0.0.1:9";
        Map<String, String> extra = new HashMap<>();
        extra.put("AWS_REGION", LocalAws.REGION);
        extra.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY_ID);
        extra.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_ACCESS_KEY);
        extra.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString());
        extra.put("AWS_ENDPOINT_URL_SQS", closed);
        extra.put("AWS_ENDPOINT_URL_SFN", closed);
        extra.put(SystemTopology.INBOUND_MESSAGES.deadLetterEnvVar(), closed + "/000000000000/inbound-messages-dlq.fifo");
        for (var machine : SystemTopology.STATE_MACHINES) {
            extra.put(machine.envVar(), "arn:aws:states:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":stateMachine:" + machine.localName());
        }
        return resources.environment(extra);
    }

    /**
     * Seeds a seller (profile, a service with FAQ, two saved knowledge entries, the tone) and a
     * conversation whose third message is the client's question, answers it once counting the calls,
     * delivers it again, then times {@code warmRuns} replies to new conversations against the GetItem floor.
     */
    public Result measure(int warmRuns) {
        SellerStore sellers = adapters.sellers();
        ConversationStore conversations = adapters.conversations();
        seed(sellers, conversations);
        OnMessageHandler handler = new OnMessageHandler(adapters);
        String conversationId = "c-budget-" + seller;

        counter.reset();
        SQSBatchResponse response = handler.handleRequest(event(conversationId, "m-3"), null);
        List<String> calls = counter.calls();
        Conversation conversation = conversations.find(conversationId).orElseThrow();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
        long replies = replies(conversations, conversation, "m-3-r");
        int counted = sellers.assistantMessagesOn(seller, today);

        handler.handleRequest(event(conversationId, "m-3"), null); // SQS delivers it again
        long repliesAgain = replies(conversations, conversation, "m-3-r");
        int countedAgain = sellers.assistantMessagesOn(seller, today);
        boolean failed = response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty();

        counter.reset();
        boolean primed = new OnMessagePriming(adapters).prime();
        Priming priming = new Priming(primed, counter.calls());
        return new Result(calls, failed, replies, repliesAgain, counted, countedAgain, priming,
                warm(handler, conversations, calls.size(), warmRuns));
    }

    private Warm warm(OnMessageHandler handler, ConversationStore conversations, int getItems, int runs) {
        DynamoDbClient dynamo = adapters.dynamoDb();
        String sellersTable = adapters.env().require(SystemTopology.SELLERS.envVar());
        Instant asked = clock.instant().minusSeconds(60);
        List<Double> handlerMs = new ArrayList<>();
        List<Double> floorMs = new ArrayList<>();
        for (int i = 0; i < runs + JIT_RUNS; i++) {
            String id = "c-warm-" + seller + "-" + i;
            Conversation c = new Conversation(id, seller, "client-w" + i, SERVICE, asked, asked, true, HandledBy.ASSISTANT);
            conversations.create(c, new Message("m-w" + i, id, Author.CLIENT, QUESTION, "en", asked));
            long started = System.nanoTime();
            SQSBatchResponse response = handler.handleRequest(event(id, "m-w" + i), null);
            double handled = (System.nanoTime() - started) / 1e6;
            if (response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("a warm reply failed: " + id);
            }
            started = System.nanoTime();
            for (int g = 0; g < getItems; g++) {
                dynamo.getItem(b -> b.tableName(sellersTable).key(Items.key(Items.sellerKey(seller), "ACCOUNT")));
            }
            double floor = (System.nanoTime() - started) / 1e6;
            if (i >= JIT_RUNS) {
                handlerMs.add(handled);
                floorMs.add(floor);
            }
        }
        return new Warm(runs, getItems, Stats.percentile(handlerMs, 50), Stats.percentile(floorMs, 50));
    }

    private void seed(SellerStore sellers, ConversationStore conversations) {
        Instant now = clock.instant();
        sellers.saveAccount(new SellerAccount(seller, 2, false, "Europe/Berlin", false));
        sellers.saveAssistant(seller, new AssistantSettings("Ava", AssistantState.ACTIVE, now, "desktop"));
        sellers.saveProfile(seller, new SellerProfile("Ana", "Tattoo artist", List.of("tattoo design"), List.of("English")));
        sellers.saveService(seller, new SellerService(SERVICE, "Custom tattoo design", "Your idea as a tattoo", "TATTOO",
                List.of(new SellerService.ServicePackage("Basic", 4_500, 3, 1, "one design"),
                        new SellerService.ServicePackage("Premium", 13_500, 5, 3, "colour and sizes")),
                List.of(new SellerService.Faq("Do you do color?", "Yes, colour designs are in Premium."))));
        adapters.knowledgeService().save(seller, List.of(
                new KnowledgeService.Draft(null, KnowledgeEntry.Scope.GENERAL, null, "Do you work weekends?", "No, Monday to Friday."),
                new KnowledgeService.Draft(null, KnowledgeEntry.Scope.GENERAL, null, "Which file formats?", "PNG and PDF.")));
        adapters.knowledge().saveTone(seller, ToneProfile.derive(List.of("Hi! Thanks for writing. Best, Ana")));
        String id = "c-budget-" + seller;
        // younger than the outbox relay's grace, so a running runtime does not answer these messages too
        Instant started = now.minusSeconds(200);
        Conversation c = new Conversation(id, seller, "client-1", SERVICE, started, started, true, HandledBy.ASSISTANT);
        conversations.create(c, new Message("m-1", id, Author.CLIENT, "Hello, I want a small rose tattoo", "en", started));
        conversations.append(c, new Message("m-2", id, Author.ASSISTANT, "Hi! What size and where?", "en", started.plusSeconds(10)));
        conversations.append(c, new Message("m-3", id, Author.CLIENT, QUESTION, "en", now.minusSeconds(5)));
    }

    private static long replies(ConversationStore conversations, Conversation conversation, String replyId) {
        return conversations.messages(conversation).stream().filter(m -> m.messageId().equals(replyId)).count();
    }

    private SQSEvent event(String conversationId, String messageId) {
        return ColdStartProbe.event(Json.write(new InboundMessage(seller, conversationId, messageId)), conversationId);
    }
}
