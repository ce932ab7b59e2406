package app.go.adapter.stripe;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.port.PaymentGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripePaymentGatewayTest {
    private static final PaymentMethod VISA = new PaymentMethod(PaymentMethod.Type.CARD, "pm_card_visa");
    private final StripeStub stub = new StripeStub();
    private final StripePaymentGateway gateway = new StripePaymentGateway(StripePaymentGateway.client("sk_test_stub", stub.apiBase()));

    StripePaymentGatewayTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    @DisplayName("BILL-3 BILL-13 a charge saves the card on the payer's customer and is a PaymentIntent confirmed off-session, with the business key + attempt as Idempotency-Key")
    void chargeIsAnOffSessionPaymentIntent() {
        PaymentGateway.ChargeResult result = gateway.charge("s1", VISA, 2_900, "renewal#s1#PERSONAL_ASSISTANT#2026-03-18T09:00:00Z#1");
        assertInstanceOf(PaymentGateway.ChargeResult.Approved.class, result);
        StripeStub.Request intent = stub.requests("POST", "/v1/payment_intents").get(0);
        Map<String, String> form = intent.form();
        assertEquals("2900", form.get("amount"));
        assertEquals("usd", form.get("currency"));
        assertEquals("pm_card_visa", form.get("payment_method"));
        assertEquals("card", form.get("payment_method_types[0]"));
        assertEquals("true", form.get("confirm"));
        assertEquals("true", form.get("off_session"));
        assertTrue(form.get("customer").startsWith("cus_"));
        assertEquals("renewal#s1#PERSONAL_ASSISTANT#2026-03-18T09:00:00Z#1", intent.idempotencyKey());
        assertEquals("renewal#s1#PERSONAL_ASSISTANT#2026-03-18T09:00:00Z#1", form.get("metadata[go_charge_key]"));
        assertEquals("Bearer sk_test_stub", intent.authorization());

        StripeStub.Request attach = stub.requests("POST", "/v1/payment_methods/pm_card_visa/attach").get(0);
        assertEquals(form.get("customer"), attach.form().get("customer"), "the card is saved on the payer's customer");

        gateway.charge("s1", VISA, 2_900, "renewal#s1#PERSONAL_ASSISTANT#2026-04-18T09:00:00Z#1");
        assertEquals(1, stub.requests("POST", "/v1/customers").size(), "one customer per payer, found again by metadata");
        assertEquals(1, stub.requests("POST", "/v1/payment_methods/pm_card_visa/attach").size(), "saved once");
    }

    @Test
    @DisplayName("BILL-13 a repeated charge key is answered by Stripe's idempotency with the first PaymentIntent")
    void repeatedKey() {
        String first = ((PaymentGateway.ChargeResult.Approved) gateway.charge("s1", VISA, 2_500, "subscribe#s1#CM#t#1")).chargeId();
        String again = ((PaymentGateway.ChargeResult.Approved) gateway.charge("s1", VISA, 2_500, "subscribe#s1#CM#t#1")).chargeId();
        assertEquals(first, again);
    }

    @Test
    @DisplayName("BILL-11 declines map to the domain's codes: decline_code insufficient_funds, authentication_required (off-session SCA), requires_action")
    void declines() {
        assertEquals(new PaymentGateway.ChargeResult.Declined(PaymentGateway.INSUFFICIENT_FUNDS), gateway.charge("s1",
                new PaymentMethod(PaymentMethod.Type.CARD, "pm_card_chargeDeclinedInsufficientFunds"), 2_900, "k#1"));
        assertEquals(new PaymentGateway.ChargeResult.Declined(PaymentGateway.AUTHENTICATION_REQUIRED), gateway.charge("s1",
                new PaymentMethod(PaymentMethod.Type.CARD, "pm_card_authenticationRequired"), 2_900, "k#2"));
        assertEquals(new PaymentGateway.ChargeResult.Declined(PaymentGateway.AUTHENTICATION_REQUIRED), gateway.charge("s1",
                new PaymentMethod(PaymentMethod.Type.CARD, "pm_card_threeDSecureRequired"), 2_900, "k#3"));
    }

    @Test
    @DisplayName("BILL-3 a PayPal payment method is charged as a paypal PaymentIntent")
    void paypal() {
        gateway.charge("s1", new PaymentMethod(PaymentMethod.Type.PAYPAL, "pm_paypal_1"), 2_900, "k#1");
        assertEquals("paypal", stub.requests("POST", "/v1/payment_intents").get(0).form().get("payment_method_types[0]"));
    }

    @Test
    @DisplayName("BILL-13 the sweeper's question 'was key K charged?' is a PaymentIntent search on the charge-key metadata")
    void lookup() {
        assertTrue(gateway.lookup("order#gen_1#1").isEmpty());
        PaymentGateway.ChargeResult charged = gateway.charge("c1", VISA, 1_500, "order#gen_1#1");
        assertEquals(java.util.Optional.of(charged), gateway.lookup("order#gen_1#1"));
        gateway.charge("c1", new PaymentMethod(PaymentMethod.Type.CARD, "pm_card_chargeDeclinedInsufficientFunds"), 1_500, "order#gen_2#1");
        assertInstanceOf(PaymentGateway.ChargeResult.Declined.class, gateway.lookup("order#gen_2#1").orElseThrow());
    }

    @Test
    @DisplayName("BILL-13 a refund gives back a PaymentIntent's amount once per idempotency key")
    void refund() {
        String chargeId = ((PaymentGateway.ChargeResult.Approved) gateway.charge("c1", VISA, 1_500, "order#gen_1#1")).chargeId();
        String refund = gateway.refund(chargeId, 1_500, "order#gen_1#1#refund");
        assertEquals(refund, gateway.refund(chargeId, 1_500, "order#gen_1#1#refund"));
        StripeStub.Request request = stub.requests("POST", "/v1/refunds").get(0);
        assertEquals(chargeId, request.form().get("payment_intent"));
        assertEquals("1500", request.form().get("amount"));
        assertEquals("order#gen_1#1#refund", request.idempotencyKey());
    }
}
