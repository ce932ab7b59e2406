package app.go.domain.billing;

import java.util.Objects;

/** How the first payment is made, and later charges when the balance is short (BILL-3). A provider token, never card data. */
public record PaymentMethod(Type type, String token) {

    public enum Type { CARD, PAYPAL }

    public PaymentMethod {
        Objects.requireNonNull(type, "type");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("payment method token is required");
        }
    }
}
