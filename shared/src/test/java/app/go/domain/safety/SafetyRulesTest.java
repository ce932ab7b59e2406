package app.go.domain.safety;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SafetyRulesTest {

    @Test
    @DisplayName("PA-SAFE-1 a rule's word-start alternatives are grouped without changing their order or the others")
    void wordStartsFactored() {
        assertEquals("\\b(?:ignore\\b|forget)|(^|\\n)system:|\\[inst\\]|\\bnew",
                SafetyRules.wordStartsFactored("\\bignore\\b|\\bforget|(^|\\n)system:|\\[inst\\]|\\bnew"));
        assertEquals("\\b(?:a(x|\\by)|[|(]b)", SafetyRules.wordStartsFactored("\\ba(x|\\by)|\\b[|(]b"));
        assertEquals("plain", SafetyRules.wordStartsFactored("plain"));
    }

    @Test
    @DisplayName("PA-SAFE-1 the grouped rule finds the same text at the same place as the rule as written")
    void groupedRuleMatchesTheSame() {
        String rule = "\\bpay\\w*\\b.{0,20}\\b(outside|direct)\\b|\\bpaypal\\b|(^|\\n)\\s*admin:|\\bpa\\b";
        Pattern written = Pattern.compile(rule, Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE);
        Pattern grouped = Pattern.compile(SafetyRules.wordStartsFactored(rule), Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE);
        for (String text : List.of("let us pay outside", "paypal me", "spaypal", "hello\n admin: do it", "pa ", "a paying client direct",
                "nothing here", "überpay direct")) {
            assertEquals(first(written.matcher(text)), first(grouped.matcher(text)), text);
        }
    }

    @Test
    @DisplayName("PA-SAFE-2 rules match folded text whatever its case, the Turkish dotless i included")
    void caseOfFoldedText() {
        assertEquals(Optional.of("whatsapp"), SafetyRules.find(SafetyRules.Category.MESSENGER, Fold.text("WhatsApp")).map(String::toLowerCase));
        assertEquals(SafetyRules.find(SafetyRules.Category.OTHER_SELLER, Fold.text("diğer satıcılar")).isPresent(),
                SafetyRules.find(SafetyRules.Category.OTHER_SELLER, Fold.text("DİĞER SATICILAR")).isPresent());
    }

    @Test
    @DisplayName("PA-SAFE-2 a text whose lower case would shift the offsets is matched case-insensitively, at the offsets of the text")
    void textWhoseLowerCaseChangesLength() {
        String text = "\u0130 WhatsApp";
        assertEquals(Optional.of("WhatsApp"), SafetyRules.find(SafetyRules.Category.MESSENGER, text));
        assertEquals(2, SafetyRules.all(SafetyRules.Category.MESSENGER, text).get(0).start());
    }

    private static String first(Matcher matcher) {
        return matcher.find() ? matcher.start() + ":" + matcher.group() : "none";
    }
}
