package app.go.domain.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The price and offer rules, enforced in code on every reply whatever the model or the knowledge
 * base says (PA-KB-5, PA-FAQ-3): a sentence that offers a discount or a custom offer, or names a
 * price that is not one of the seller's package prices, is taken out of the reply.
 */
public final class ReplyGuard {
    private static final Pattern OFFER = Pattern.compile(
            "\\d+\\s?%|\\bper\\s?cent\\b|discount|custom offer|special offer|special price|custom quote|coupon|promo code|"
                    + "for free\\b|free of charge|i can offer|i will offer|i'll offer|we can offer|descuento|oferta|rebaja|"
                    + "remise|réduction|offre|rabatt|angebot|nachlass|скидк|предложени|خصم|عرض|折扣|优惠|报价",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONEY = Pattern.compile(
            "[$€£]\\s?(\\d[\\d,]*(?:\\.\\d{1,2})?)|(\\d[\\d,]*(?:\\.\\d{1,2})?)\\s?(?:\\$|€|£|usd|eur|dollars?|euros?)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？])\\s+");

    /** When nothing of a reply may be sent: the seller answers about prices and offers. */
    static final Map<String, String> FALLBACK = Map.of(
            "en", "Thanks for your message! The seller will get back to you about prices and offers.",
            "es", "¡Gracias por tu mensaje! El vendedor te responderá sobre precios y ofertas.",
            "fr", "Merci pour votre message ! Le vendeur vous répondra au sujet des prix et des offres.",
            "de", "Danke für Ihre Nachricht! Der Verkäufer meldet sich zu Preisen und Angeboten bei Ihnen.",
            "ar", "شكرًا لرسالتك! سيتواصل معك البائع بخصوص الأسعار والعروض.",
            "zh", "感谢您的留言！卖家会就价格和报价回复您。",
            "ru", "Спасибо за сообщение! Продавец ответит вам о ценах и предложениях.");

    private ReplyGuard() {}

    /**
     * @param packagePrices the prices, in cents, of the seller's packages: the only prices a reply may name
     */
    public static String clean(String reply, Set<Long> packagePrices, String language) {
        List<String> kept = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(reply == null ? "" : reply.strip())) {
            if (!sentence.isBlank() && allowed(sentence, packagePrices)) {
                kept.add(sentence);
            }
        }
        String cleaned = String.join(" ", kept).strip();
        return cleaned.isEmpty() ? fallback(language) : cleaned;
    }

    /** What {@link #clean} says when nothing of a reply may be sent. */
    static String fallback(String language) {
        return FALLBACK.getOrDefault(language, FALLBACK.get(LanguageDetector.DEFAULT));
    }

    /** True when the text offers a discount, a custom offer or anything free (PA-FAQ-3). */
    public static boolean offers(String text) {
        return OFFER.matcher(text).find();
    }

    /** True when the text neither offers anything nor names a price other than {@code packagePrices}. */
    public static boolean allowed(String text, Set<Long> packagePrices) {
        if (offers(text)) {
            return false;
        }
        Matcher money = MONEY.matcher(text);
        while (money.find()) {
            String amount = money.group(1) != null ? money.group(1) : money.group(2);
            if (!packagePrices.contains(cents(amount))) {
                return false;
            }
        }
        return true;
    }

    /** The amount in cents; -1 (no package's price) when it is too large for a long. */
    private static long cents(String amount) {
        String plain = amount.replace(",", "");
        int digitsBeforeDot = plain.indexOf('.') < 0 ? plain.length() : plain.indexOf('.');
        if (digitsBeforeDot > 16) {
            return -1;
        }
        int dot = plain.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(plain) * 100;
        }
        String fraction = (plain.substring(dot + 1) + "00").substring(0, 2);
        return Long.parseLong(plain.substring(0, dot)) * 100 + Long.parseLong(fraction);
    }
}
