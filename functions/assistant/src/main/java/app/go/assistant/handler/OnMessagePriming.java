package app.go.assistant.handler;

import app.go.domain.assistant.HandoffReason;
import app.go.domain.assistant.LanguageDetector;
import app.go.domain.assistant.PromptBuilder;
import app.go.domain.safety.ReplyPolicy;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.HandledBy;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.conversation.Message;
import app.go.domain.knowledge.KnowledgeService;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.adapter.aws.dynamodb.DynamoConversationStore;
import app.go.adapter.aws.dynamodb.DynamoKnowledgeStore;
import app.go.adapter.aws.dynamodb.DynamoSellerStore;
import app.go.adapter.aws.dynamodb.DynamoTable;
import app.go.adapter.aws.dynamodb.Items;
import app.go.support.json.Json;
import app.go.support.log.Log;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.go.adapter.aws.dynamodb.Items.n;
import static app.go.adapter.aws.dynamodb.Items.s;

/**
 * SnapStart priming of the message path: runs before the snapshot (CRaC {@code beforeCheckpoint}),
 * so every restored container starts with the JSON, domain and DynamoDB request/response classes of
 * the path already loaded and initialised. Without data effects: the reads name a seller and a
 * conversation no real id can be ('#' is never in an id), and the writes the path uses (the
 * idempotency claim, the daily count, the reply transaction) are sent with a condition that can never
 * hold, so DynamoDB refuses them whatever the table holds. Bedrock and Step Functions are not called.
 * A failure is logged and swallowed: priming must never stop a deploy or a cold start.
 */
public final class OnMessagePriming implements Resource {
    private static final Log LOG = Log.get(OnMessagePriming.class);

    /** Ids are {@code [A-Za-z0-9_.:-]}: with '#' in them these keys cannot name real data. */
    static final String SELLER = "#priming#";
    static final String CONVERSATION = "#priming#";
    private static final String NEVER = "attribute_exists(pk) AND attribute_not_exists(pk)";
    private static final String SAMPLE_INBOUND =
            "{\"sellerId\":\"" + SELLER + "\",\"conversationId\":\"" + CONVERSATION + "\",\"messageId\":\"m-priming\"}";
    private static final String SAMPLE_TEXT = "Hi! How much is a logo with two revisions, and can you deliver by Friday?";

    private final Adapters adapters;

    public OnMessagePriming(Adapters adapters) {
        this.adapters = adapters;
    }

    /**
     * A priming registered with CRaC's global context. The caller must keep the returned reference:
     * CRaC holds resources weakly. Outside a CRaC or SnapStart runtime registering does nothing.
     */
    static OnMessagePriming registered(Adapters adapters) {
        OnMessagePriming priming = new OnMessagePriming(adapters);
        try {
            Core.getGlobalContext().register(priming);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("priming not registered", "error", e.getClass().getSimpleName());
        }
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: SDK clients reconnect on their own
    }

    /** Runs the path once as described above; true if every step ran as expected. Never throws. */
    public boolean prime() {
        long started = System.nanoTime();
        boolean local = step("local", this::primeLocal);
        boolean reads = step("reads", this::primeReads);
        boolean writes = reads && step("refusedWrites", this::primeRefusedWrites); // no second wait on an unreachable endpoint
        LOG.info("message path primed", "local", local, "reads", reads, "refusedWrites", writes,
                "durationMs", (System.nanoTime() - started) / 1_000_000);
        return local && reads && writes;
    }

    private static boolean step(String name, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("priming step failed", "step", name, "error", e.getClass().getSimpleName());
            return false;
        }
    }

    /** The record's JSON, the stored profile and service JSON, and the prompt and reply rules. */
    private void primeLocal() {
        InboundMessage inbound = Json.read(SAMPLE_INBOUND, InboundMessage.class);
        inbound.replyKey();
        SellerProfile profile = Json.read(Json.write(new SellerProfile("Priming", "A seller for priming only.",
                List.of("logo design"), List.of("en"))), SellerProfile.class);
        SellerService service = Json.read(Json.write(new SellerService("priming", "Logo design", "Logos.", "logo",
                List.of(new SellerService.ServicePackage("Basic", 5000, 3, 2, "One logo")),
                List.of(new SellerService.Faq("Do you do icons?", "Yes.")))), SellerService.class);
        Instant now = adapters.clock().instant();
        String language = LanguageDetector.guess(SAMPLE_TEXT).language();
        List<Message> history = List.of(new Message("m-priming", CONVERSATION, Author.CLIENT, SAMPLE_TEXT, language, now));
        PromptBuilder.build(new app.go.domain.port.ReplyContext(AssistantSettings.DEFAULT_NAME, profile, service.serviceId(),
                List.of(service), app.go.domain.knowledge.KnowledgeGenerator.generate(profile, List.of(service)), history,
                SAMPLE_TEXT, language, 0.5, app.go.domain.knowledge.ToneProfile.NONE, PromptBuilder.FIXED_RULES,
                java.util.EnumSet.allOf(HandoffReason.class)));
        app.go.domain.safety.ReplyPolicy.apply("A logo is $50.00 in the Basic package.", language, Set.of(5000L));
        // the word-break dictionaries and the cue resource load here, not on the first client's message
        app.go.domain.assistant.HandoffCueClassifier.standard().reasons(SAMPLE_TEXT, "Priming");
        app.go.domain.assistant.AssistantPhrases.text(language, "handover", java.util.Map.of("seller", "Priming"));
    }

    /** Every read of the path, on keys that cannot exist. */
    private void primeReads() {
        DynamoDbClient dynamo = adapters.dynamoDb();
        String sellersTable = table(SystemTopology.SELLERS.envVar());
        DynamoConversationStore conversations = new DynamoConversationStore(dynamo, table(SystemTopology.CONVERSATIONS.envVar()));
        DynamoSellerStore sellers = new DynamoSellerStore(dynamo, sellersTable);
        Instant now = adapters.clock().instant();

        conversations.find(CONVERSATION);
        Conversation conversation = new Conversation(CONVERSATION, SELLER, "#priming-client#", "priming", now, now, true,
                HandledBy.ASSISTANT);
        conversations.findInHistory(conversation, "m-priming");
        sellers.account(SELLER);
        sellers.assistant(SELLER);
        sellers.presence(SELLER);
        sellers.client(SELLER, conversation.clientId());
        sellers.assistantMessagesOn(SELLER, LocalDate.ofInstant(now, ZoneOffset.UTC));
        SellerProfile profile = sellers.profile(SELLER).orElse(new SellerProfile("the seller", null, List.of(), List.of()));
        List<SellerService> services = sellers.services(SELLER);
        KnowledgeService knowledge = new KnowledgeService(sellers, new DynamoKnowledgeStore(dynamo, sellersTable), adapters.clock());
        knowledge.entries(SELLER, profile, services);
        knowledge.tone(SELLER);
    }

    /** The path's write requests, each refused by its condition; anything but the refusal is a failure. */
    private void primeRefusedWrites() {
        DynamoDbClient dynamo = adapters.dynamoDb();
        String conversationsTable = table(SystemTopology.CONVERSATIONS.envVar());
        String conversationPk = Items.conversationKey(SELLER, CONVERSATION);
        try {
            dynamo.putItem(b -> b.tableName(table(SystemTopology.IDEMPOTENCY.envVar()))
                    .item(Map.of("pk", s("reply#" + SELLER), "status", s("PRIMING"), "expiresAt", n(0)))
                    .conditionExpression(NEVER)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            throw new IllegalStateException("a priming put was not refused");
        } catch (ConditionalCheckFailedException expected) {
            expected.hasItem();
        }
        try {
            dynamo.updateItem(b -> b.tableName(table(SystemTopology.SELLERS.envVar()))
                    .key(Items.key(Items.sellerKey(SELLER), Items.ASSISTANT_QUOTA_PREFIX + "priming"))
                    .updateExpression("ADD #c :one")
                    .conditionExpression(NEVER)
                    .expressionAttributeNames(Map.of("#c", "count"))
                    .expressionAttributeValues(Map.of(":one", n(1))));
            throw new IllegalStateException("a priming update was not refused");
        } catch (ConditionalCheckFailedException expected) {
            // refused, as meant
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(conversationsTable)
                            .item(Items.item(conversationPk, Items.MESSAGE_PREFIX + "priming").with("text", "priming").build())
                            .conditionExpression(NEVER).build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(conversationsTable)
                            .key(Items.key(conversationPk, "META"))
                            .updateExpression("SET lastActivityAt = :at")
                            .conditionExpression(NEVER)
                            .expressionAttributeValues(Map.of(":at", s("priming"))).build()).build()));
            throw new IllegalStateException("a priming transaction was not refused");
        } catch (TransactionCanceledException expected) {
            if (!DynamoTable.conditionFailed(expected)) {
                throw expected;
            }
        }
    }

    private String table(String envVar) {
        return adapters.env().require(envVar);
    }
}
