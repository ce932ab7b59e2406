package app.go.domain.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PA-SRC-1 / DATA-1: the assistant never uses personal account data. The domain holds no payment,
 * address or tax data; e-mail addresses and phone numbers a seller typed into public texts are
 * removed before anything reaches the knowledge base or a prompt.
 */
public final class PersonalData {
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** A run of digits with phone punctuation; counted as a phone number from 9 digits (dates and prices have fewer). */
    private static final Pattern PHONE_CANDIDATE = Pattern.compile("(?<![\\p{L}\\p{N}$€£])\\+?\\(?\\d[\\d\\s().\\-/]{5,}\\d(?![\\p{L}\\p{N}])");
    private static final int PHONE_MIN_DIGITS = 9;

    private PersonalData() {}

    /** Whether the text holds an e-mail address or a phone number. */
    public static boolean contains(String text) {
        if (text == null) {
            return false;
        }
        if (EMAIL.matcher(text).find()) {
            return true;
        }
        Matcher phone = PHONE_CANDIDATE.matcher(text);
        while (phone.find()) {
            if (phone.group().chars().filter(Character::isDigit).count() >= PHONE_MIN_DIGITS) {
                return true;
            }
        }
        return false;
    }

    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        String withoutEmails = EMAIL.matcher(text).replaceAll("");
        Matcher phone = PHONE_CANDIDATE.matcher(withoutEmails);
        StringBuilder out = new StringBuilder();
        while (phone.find()) {
            long digits = phone.group().chars().filter(Character::isDigit).count();
            phone.appendReplacement(out, digits >= PHONE_MIN_DIGITS ? "" : Matcher.quoteReplacement(phone.group()));
        }
        phone.appendTail(out);
        return out.toString().replaceAll("[ \\t]{2,}", " ").replaceAll("\\s+([,.;:!?])", "$1").strip();
    }
}
