package app.go.assistant.handler;

import app.go.domain.assistant.HandoffReason;
import app.go.adapter.aws.bedrock.BedrockLanguageModel;
import app.go.adapter.offline.LexicalKnowledgeRetriever;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.domain.assistant.AssistantPhrases;
import app.go.domain.assistant.HandoffCueClassifier;
import app.go.domain.assistant.PromptTokens;
import app.go.domain.assistant.TurnRecord;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.KnowledgeGenerator;
import app.go.domain.knowledge.ToneProfile;
import app.go.domain.port.AssistantTurn;
import app.go.domain.port.KnowledgeRetriever;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.ReplyContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.util.EnumSet;
import java.util.Optional;
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
 * so every restored container starts with the JSON, domain, model and DynamoDB request/response
 * classes of the path (issue 7's: one snapshot query, one batch read, one reply transaction) already
 * loaded and initialised. Without data effects: the reads name a seller and a
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

    /**
     * The record's JSON, the stored profile and service JSON, retrieval (the lexical ranker; the
     * embedding one would call Titan), the history window, the prompt, the model's turn (the offline
     * model answers; Bedrock's request and tool-call reading are built, nothing is sent), the floor,
     * the reply rules and the turn record's JSON.
     */
    private void primeLocal() {
        InboundMessage inbound = Json.read(SAMPLE_INBOUND, InboundMessage.class);
        inbound.replyKey();
        SellerProfile profile = Json.read(Json.write(new SellerProfile("Priming", "A seller for priming only.",
                List.of("logo design"), List.of("en"))), SellerProfile.class);
        SellerService service = Json.read(Json.write(new SellerService("priming", "Logo design", "Logos.", "logo",
                List.of(new SellerService.ServicePackage("Basic", 5000, 3, 2, "One logo")),
                List.of(new SellerService.Faq("Do you do icons?", "Yes.")))), SellerService.class);
        Instant now = adapters.clock().instant();
        LanguageDetector.Guess guess = LanguageDetector.guess(SAMPLE_TEXT);
        List<Message> history = PromptTokens.newestWithin(
                List.of(new Message("m-priming", CONVERSATION, Author.CLIENT, SAMPLE_TEXT, guess.language(), now)), 160, 20);
        List<KnowledgeEntry> entries = KnowledgeService.merge(KnowledgeGenerator.generate(profile, List.of(service)), Optional.empty());
        KnowledgeRetriever retriever = adapters.knowledgeRetriever();
        if (retriever instanceof LexicalKnowledgeRetriever) {
            entries = retriever.retrieve(SELLER, SAMPLE_TEXT, service.serviceId(), entries, Map.of(), 5);
        }
        ReplyContext context = new ReplyContext(AssistantSettings.DEFAULT_NAME, profile, service.serviceId(), List.of(service),
                entries, history, SAMPLE_TEXT, guess.language(), guess.confidence(), ToneProfile.NONE, PromptBuilder.FIXED_RULES,
                EnumSet.allOf(HandoffReason.class));
        PromptBuilder.build(context);
        LanguageModel model = adapters.languageModel();
        AssistantTurn turn;
        if (model instanceof BedrockLanguageModel bedrock) {
            turn = bedrock.primeWithoutCalling(context);
        } else if (model instanceof OfflineLanguageModel offline) {
            turn = offline.respond(context);
        } else {
            return;
        }
        ReplyPolicy.apply("A logo is $50.00 in the Basic package.", guess.language(), Set.of(5000L));
        // the word-break dictionaries and the cue resource load here, not on the first client's message
        HandoffCueClassifier.standard().asksForSeller(SAMPLE_TEXT, "Priming");
        AssistantPhrases.text(guess.language(), "handover", Map.of("seller", "Priming"));
        Json.write(TurnRecord.of("m-priming", now, SAMPLE_TEXT, turn, Set.of()));
    }

    /** Every read of the path (issue 7 item 5: one query, one batch, two queries), on keys that cannot exist. */
    private void primeReads() {
        DynamoDbClient dynamo = adapters.dynamoDb();
        String sellersTable = table(SystemTopology.SELLERS.envVar());
        DynamoConversationStore conversations = new DynamoConversationStore(dynamo, table(SystemTopology.CONVERSATIONS.envVar()),
                sellersTable);
        DynamoSellerStore sellers = new DynamoSellerStore(dynamo, sellersTable);
        Instant now = adapters.clock().instant();

        conversations.snapshot(SELLER, CONVERSATION);
        sellers.replyView(SELLER, "#priming-client#", LocalDate.ofInstant(now, ZoneOffset.UTC));
        sellers.services(SELLER);
        new DynamoKnowledgeStore(dynamo, sellersTable).snapshot(SELLER);
    }

    /**
     * The path's write requests, each refused by its condition; anything but the refusal is a failure:
     * the idempotency claim (its completion is the same PutItem), the reply transaction (reply, touch,
     * daily count, turn record) and the outbox delete.
     */
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
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(conversationsTable)
                            .item(Items.item(conversationPk, Items.MESSAGE_PREFIX + "priming").with("text", "priming").build())
                            .conditionExpression(NEVER).build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(conversationsTable)
                            .key(Items.key(conversationPk, "META"))
                            .updateExpression("SET lastActivityAt = :at")
                            .conditionExpression(NEVER)
                            .expressionAttributeValues(Map.of(":at", s("priming"))).build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table(SystemTopology.SELLERS.envVar()))
                            .key(Items.key(Items.sellerKey(SELLER), Items.ASSISTANT_QUOTA_PREFIX + "priming"))
                            .updateExpression("ADD #c :one, counted :reply")
                            .conditionExpression(NEVER)
                            .expressionAttributeNames(Map.of("#c", "count"))
                            .expressionAttributeValues(Map.of(":one", n(1), ":reply", AttributeValue.fromSs(List.of("priming"))))
                            .build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(conversationsTable)
                            .item(Items.item(conversationPk, "TURN#priming").with("turn", "{}").build())
                            .conditionExpression(NEVER).build()).build()));
            throw new IllegalStateException("a priming transaction was not refused");
        } catch (TransactionCanceledException expected) {
            if (!DynamoTable.conditionFailed(expected)) {
                throw expected;
            }
        }
        try {
            dynamo.deleteItem(b -> b.tableName(conversationsTable).key(Items.key(conversationPk, "OUTBOX#m-priming"))
                    .conditionExpression(NEVER));
            throw new IllegalStateException("a priming delete was not refused");
        } catch (ConditionalCheckFailedException expected) {
            // refused, as meant
        }
    }

    private String table(String envVar) {
        return adapters.env().require(envVar);
    }
}
