package app.go.infra;

import software.amazon.awscdk.services.bedrock.CfnGuardrail;
import software.amazon.awscdk.services.bedrock.CfnGuardrailVersion;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

import java.util.List;

/**
 * The deployed twin of the reply policy (PA-SAFE-1, PA-KB-5, PA-SRC-1): an Amazon Bedrock guardrail
 * the Converse call names. Prompt attacks are filtered on the input; e-mail, phone, address, bank
 * account/IBAN and card numbers are blocked on the output; off-platform contact and payment is a
 * denied topic; contextual grounding keeps answers to the seller's knowledge. The same rules run
 * in code on every reply whichever model wrote it; the guardrail is the second line.
 */
final class ReplyGuardrail extends Construct {
    static final String ID_ENV = "BEDROCK_GUARDRAIL_ID";
    static final String VERSION_ENV = "BEDROCK_GUARDRAIL_VERSION";
    static final List<String> OUTPUT_PII = List.of("EMAIL", "PHONE", "ADDRESS", "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
            "US_BANK_ACCOUNT_NUMBER", "CREDIT_DEBIT_CARD_NUMBER");
    static final String OFF_PLATFORM_TOPIC = "OffPlatformContactOrPayment";
    private static final String BLOCKED = "Sorry, I can't help with that here. Everything stays on the marketplace: "
            + "the seller will answer you in this chat.";

    private final CfnGuardrail guardrail;
    private final CfnGuardrailVersion version;

    ReplyGuardrail(Construct scope, String id) {
        super(scope, id);
        guardrail = CfnGuardrail.Builder.create(this, "Guardrail")
                .name("go-assistant-replies")
                .description("Personal Assistant replies: no prompt attacks, no contact or payment data, nothing off the platform")
                .blockedInputMessaging(BLOCKED)
                .blockedOutputsMessaging(BLOCKED)
                .contentPolicyConfig(CfnGuardrail.ContentPolicyConfigProperty.builder()
                        .filtersConfig(List.of(CfnGuardrail.ContentFilterConfigProperty.builder()
                                // a prompt-attack filter acts on input only; its output strength must be NONE
                                .type("PROMPT_ATTACK").inputStrength("HIGH").outputStrength("NONE").build()))
                        .build())
                .sensitiveInformationPolicyConfig(CfnGuardrail.SensitiveInformationPolicyConfigProperty.builder()
                        .piiEntitiesConfig(OUTPUT_PII.stream().map(type -> CfnGuardrail.PiiEntityConfigProperty.builder()
                                .type(type).action("BLOCK").inputEnabled(false).outputEnabled(true).outputAction("BLOCK").build())
                                .toList())
                        .build())
                .topicPolicyConfig(CfnGuardrail.TopicPolicyConfigProperty.builder()
                        .topicsConfig(List.of(CfnGuardrail.TopicConfigProperty.builder()
                                .name(OFF_PLATFORM_TOPIC)
                                .type("DENY")
                                .definition("Moving the conversation or the payment outside the marketplace: sharing or asking for "
                                        + "e-mail, phone or messenger contacts, external links, bank transfers, PayPal friends and "
                                        + "family, crypto or any way to pay or talk off the platform.")
                                .examples(List.of("Let's continue on WhatsApp.", "Send me your e-mail address.",
                                        "Pay me by bank transfer to my IBAN.", "I can give you my phone number.",
                                        "Pay outside the platform to avoid the fees."))
                                .build()))
                        .build())
                .contextualGroundingPolicyConfig(CfnGuardrail.ContextualGroundingPolicyConfigProperty.builder()
                        .filtersConfig(List.of(
                                CfnGuardrail.ContextualGroundingFilterConfigProperty.builder().type("GROUNDING").threshold(0.7).build(),
                                CfnGuardrail.ContextualGroundingFilterConfigProperty.builder().type("RELEVANCE").threshold(0.5).build()))
                        .build())
                .build();
        version = CfnGuardrailVersion.Builder.create(this, "Version")
                .guardrailIdentifier(guardrail.getAttrGuardrailId())
                .description("Version the functions call")
                .build();
    }

    String guardrailId() {
        return guardrail.getAttrGuardrailId();
    }

    String version() {
        return version.getAttrVersion();
    }

    /** Lets {@code grantee} apply this guardrail (Converse with {@code guardrailConfig} needs it). */
    void grantApply(IGrantable grantee) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("bedrock:ApplyGuardrail"))
                .resources(List.of(guardrail.getAttrGuardrailArn()))
                .build());
    }
}
