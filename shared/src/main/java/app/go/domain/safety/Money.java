package app.go.domain.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money as people write them in any locale (issue 7 item 6): "50,00 €", "1.234,50 €",
 * "$1,234.50", "45 $", "٤٥ دولار", "45元", "R$ 99,90", "1 234,50 ₽", "70 bucks". The currency may
 * stand before or after the number, as a symbol, a code or a word; {@link Fold} has already made
 * every script's digits ASCII.
 */
public final class Money {
    /** An amount found in text, in cents; -1 when too large to be any package's price. */
    public record Amount(long cents, String text) {}

    private static final String CURRENCY = "(?:r\\$|us\\$|ca\\$|a\\$|[$€£¥₹₽₺₩₴₪₫฿]|zł|kč|"
            + "\\b(?:usd|eur|gbp|jpy|cny|rmb|inr|rub|krw|pln|chf|aud|cad|mxn|brl|aed|sar|sek|nok|dkk|czk|huf|ars|cop|clp|"
            + "dollars?|bucks|euros?|pounds?|quid|dolares|dolar|dollari|dollaro|reais|rupees?|rs|lira|liras|tl|zl|zloty|zlotych|zlote|"
            + "yuan|yen|francs?|pesos?|dirhams?|riyals?|kronor|kroner|rubles?|roubles?)\\b|"
            + "руб\\w*|доллар\\w*|евро|юан\\w*|бакс\\w*|гривн\\w*|"
            + "元|块|塊|美元|欧元|歐元|英镑|日元|人民币|円|ドル|ユーロ|엔|원|달러|유로|"
            + "دولار\\w*|يورو|ريال|درهم|جنيه|ليره|"
            + "रुपये|रुपए|रुपया|डॉलर|यूरो)";
    private static final String NUMBER = "\\d{1,3}(?:[.,'’\\u00A0\\u202F ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
    private static final Pattern BEFORE = Pattern.compile("(" + CURRENCY + ")\\s?(" + NUMBER + ")(?![\\d])",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER = Pattern.compile("(?<![\\d.,])(" + NUMBER + ")\\s?(万|萬|만|천|千|k)?\\s?(?:-\\s?)?(" + CURRENCY + ")",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);
    private static final int MAX_WHOLE_DIGITS = 15;

    private Money() {}

    /** Every amount with a currency in {@code folded} text. */
    public static List<Amount> amounts(String folded) {
        List<Amount> amounts = new ArrayList<>();
        boolean[] taken = new boolean[folded.length() + 1];
        Matcher after = AFTER.matcher(folded);
        while (after.find()) {
            long cents = cents(after.group(1));
            amounts.add(new Amount(after.group(2) == null || cents < 0 ? cents : cents * multiplier(after.group(2)), after.group()));
            for (int i = after.start(); i < after.end(); i++) {
                taken[i] = true;
            }
        }
        Matcher before = BEFORE.matcher(folded);
        while (before.find()) {
            if (!taken[before.start(2)]) {
                amounts.add(new Amount(cents(before.group(2)), before.group()));
            }
        }
        return amounts;
    }

    private static long multiplier(String unit) {
        return switch (unit) {
            case "万", "萬", "만" -> 10_000;
            default -> 1_000;
        };
    }

    /**
     * The amount in cents. A separator followed by one or two digits at the end is the decimal mark
     * ("50,00", "49.99"); any other separator groups thousands ("1.234", "1,234", "1 234").
     */
    static long cents(String number) {
        String digits = number.replaceAll("[\\s'’\\u00A0\\u202F]", "");
        int lastSeparator = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
        String whole = digits;
        String fraction = "";
        if (lastSeparator >= 0 && digits.length() - lastSeparator - 1 <= 2) {
            whole = digits.substring(0, lastSeparator);
            fraction = digits.substring(lastSeparator + 1);
        }
        whole = whole.replaceAll("[.,]", "");
        if (whole.length() > MAX_WHOLE_DIGITS) {
            return -1;
        }
        long cents = (whole.isEmpty() ? 0 : Long.parseLong(whole)) * 100;
        if (!fraction.isEmpty()) {
            cents += Long.parseLong((fraction + "0").substring(0, 2));
        }
        return cents;
    }
}
