package app.go.domain.assistant;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Prices as the client's locale writes them ("$1,250.00", "1.250,00 $", "١٬٢٥٠٫٠٠ US$"). */
public final class LocalizedMoney {
    /** The marketplace's currency for package prices. */
    public static final Currency CURRENCY = Currency.getInstance("USD");

    private LocalizedMoney() {}

    public static String format(long cents, String language) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(AssistantPhrases.primary(language)));
        format.setCurrency(CURRENCY);
        return format.format(BigDecimal.valueOf(cents, 2));
    }

    public static String number(long value, String language) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag(AssistantPhrases.primary(language))).format(value);
    }
}
