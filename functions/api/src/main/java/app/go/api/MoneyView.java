package app.go.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The api.md money object, {@code {amountCents, currency}}; callers may add fields to it. */
final class MoneyView {
    private MoneyView() {}

    static Map<String, Object> of(long cents, String currency) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amountCents", cents);
        money.put("currency", currency);
        return money;
    }
}
