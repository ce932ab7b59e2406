package app.go.api;

import app.go.domain.billing.PaymentMethod;
import app.go.support.errors.DomainException;
import com.fasterxml.jackson.databind.JsonNode;

/** The {@code paymentMethod} object of a body that pays: {@code {"type": "CARD|PAYPAL", "token"}}. */
final class PaymentMethodField {
    private PaymentMethodField() {}

    static PaymentMethod read(Body body) {
        JsonNode methodNode = body.raw().get("paymentMethod");
        if (methodNode == null || !methodNode.isObject()) {
            throw DomainException.validation("paymentMethod is required: {\"type\": \"CARD|PAYPAL\", \"token\"}");
        }
        Body method = new Body(methodNode, "paymentMethod.");
        return new PaymentMethod(method.enumValue("type", PaymentMethod.Type.class), method.text("token", 200));
    }
}
