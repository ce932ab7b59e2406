package app.go.domain.assistant;

import app.go.domain.assistant.NameRules.Category;
import app.go.support.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameRulesTest {

    private static Category rejected(String name) {
        return NameRules.check(name).orElseThrow(() -> new AssertionError(name + " was accepted")).category();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Assistant", "Ada", "Ada's Helper", "Lina", "Gordon", "Lingo", "Mango Bot", "Bella",
            "Badminton Coach", "Spicy Logos", "Closer", "Rapier", "Max the Designer", "Zoë", "Pixel Pal", "Jürgen",
            "Mr. Logo", "Studio 42 Helper", "Cockatoo Creations", "Анна", "Scunthorpe Prints", "Goal Getter",
            // issue 8: ordinary names the old substring rules refused ("Dick" used to be refused as offensive)
            "Staffan", "Claude", "Matsushita", "Hoe-Lin", "Dick", "Fanny", "Pineapple", "Titus", "Gaylord", "Semen"})
    @DisplayName("NAME-1 ordinary names are accepted")
    void acceptsOrdinaryNames(String name) {
        assertTrue(NameRules.check(name).isEmpty(), () -> name + " -> " + NameRules.check(name));
    }

    @Test
    @DisplayName("NAME-1 an accepted name comes back stripped")
    void acceptedNameIsStripped() {
        assertEquals("Ada", NameRules.requireAcceptable("  Ada  "));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Support", "Admin", "Official", "Moderator", "Go Support", "Customer Service", "Helpdesk",
            "Staff", "Trust and Safety", "Go", "go bot", "The Go Team", "Marketplace Helper", "Ada Admin Bot", "Platform"})
    @DisplayName("NAME-2 names impersonating the platform or its staff are rejected")
    void rejectsImpersonation(String name) {
        assertEquals(Category.IMPERSONATION, rejected(name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Gordon", "Lingo", "Ego", "Gopher", "Goal Getter", "Cargo Bot"})
    @DisplayName("NAME-2 the marketplace's name \"Go\" counts only as a whole word")
    void goOnlyAsWholeWord(String name) {
        assertTrue(NameRules.check(name).isEmpty(), () -> name + " -> " + NameRules.check(name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Idiot Bot", "Stupid", "Fuck Off", "Shithead", "Bitch", "Nazi Helper", "Ass",
            "Porn Star", "Sex Bot", "Retard", "Arschloch", "Scheiße Assistent", "Сука", "傻逼", "F*ck", "Phuck", "f.u.c.k"})
    @DisplayName("NAME-2 offensive names (insults, hate speech, obscene) are rejected")
    void rejectsOffensive(String name) {
        assertEquals(Category.OFFENSIVE, rejected(name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Google Assistant", "Apple Helper", "Nike", "ChatGPT", "Disney Bot", "Fiverr Pro", "Alexa",
            "PayPal Help", "Siri"})
    @DisplayName("NAME-2 names using a brand are rejected")
    void rejectsBrands(String name) {
        assertEquals(Category.BRAND, rejected(name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Verified Seller", "Security Team Bot", "Billing", "Refunds", "Human", "Not a bot",
            "www.ada.design", "Real Person"})
    @DisplayName("NAME-2 misleading names are rejected")
    void rejectsMisleading(String name) {
        assertEquals(Category.MISLEADING, rejected(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Supp\u200Bort|zero-width space",
            "Ad\u200Dmin|zero-width joiner",
            "Off\u2060icial|word joiner",
            "\uFEFFModerator|byte order mark",
            "\uFF33\uFF55\uFF50\uFF50\uFF4F\uFF52\uFF54|full-width Support",
            "\uFF21\uFF44\uFF4D\uFF49\uFF4E|full-width Admin",
            "\u0405upp\u043Ert|Cyrillic S and o",
            "\u0430dmin|Cyrillic a",
            "\u0455upp\u043Ert|small Cyrillic dze and o",
            "Supp\u03BFrt|Greek omicron",
            "\u03B1dmin|Greek alpha",
            "Suppor\u03C4|Greek tau",
            "Supp0rt|zero for o",
            "4dm1n|four for a, one for i",
            "0ff1c1al|digits for o and i",
            "M0d3r4t0r|leetspeak moderator",
            "@dmin|at sign for a",
            "$upport|dollar for s",
            "5upport|five for s",
            "Suppor7|seven for t",
            "Offic!al|exclamation mark for i",
            "S u p p o r t|spaced letters",
            "S.u.p.p.o.r.t|dotted letters",
            "Suuuppport|repeated letters",
            "ADMIN|capitals",
            "Ádmín|accents",
            "G0|leetspeak Go",
            "G o|spaced Go",
            "\uFF27\uFF4F|full-width Go"})
    @DisplayName("NAME-2 look-alike spellings count as the word they imitate")
    void lookAlikesCount(String name, String trick) {
        assertEquals(Category.IMPERSONATION, rejected(name), trick);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Id10t", "St\u03C5pid", "F\u200Buck", "\uFF29\uFF44\uFF49\uFF4F\uFF54", "5h1t", "@$$"})
    @DisplayName("NAME-2 look-alike spellings of offensive words are rejected")
    void offensiveLookAlikes(String name) {
        assertEquals(Category.OFFENSIVE, rejected(name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"G00gle", "N\u0456ke", "\uFF27\uFF4F\uFF4F\uFF47\uFF4C\uFF45", "D1sney"})
    @DisplayName("NAME-2 look-alike spellings of brands are rejected")
    void brandLookAlikes(String name) {
        assertEquals(Category.BRAND, rejected(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Kundenservice|IMPERSONATION", "Поддержка|IMPERSONATION", "客服|IMPERSONATION",
            "Trust & Safety|IMPERSONATION", "Moderator|IMPERSONATION", "Elon Musk|PERSON", "Taylor Swift|PERSON"})
    @DisplayName("NAME-2 impersonation of the platform's staff in any language, and of well-known people")
    void impersonationInAnyLanguage(String name, Category category) {
        assertEquals(category, rejected(name));
    }

    @Test
    @DisplayName("NAME-2 the refusal carries its rule and the word it read")
    void refusalSaysRuleAndWord() {
        DomainException e = assertThrows(DomainException.class, () -> NameRules.requireAcceptable("Ph\u200Buck"));
        assertEquals("OFFENSIVE", e.details().get("rule"));
        assertEquals("fuck", e.details().get("word"));
    }

    @Test
    @DisplayName("NAME-2 the rejection is a 422 NAME_REJECTED whose reason says why")
    void rejectionIsClear() {
        DomainException e = assertThrows(DomainException.class, () -> NameRules.requireAcceptable("Supp0rt"));
        assertEquals(DomainException.Kind.RULE, e.kind());
        assertEquals("NAME_REJECTED", e.code());
        assertTrue(e.getMessage().contains("impersonates the platform"), e.getMessage());
        assertTrue(e.getMessage().contains("\"support\""), e.getMessage());

        DomainException brand = assertThrows(DomainException.class, () -> NameRules.requireAcceptable("Google Helper"));
        assertTrue(brand.getMessage().contains("brand"), brand.getMessage());
        DomainException offensive = assertThrows(DomainException.class, () -> NameRules.requireAcceptable("Idiot"));
        assertTrue(offensive.getMessage().contains("offensive"), offensive.getMessage());
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"", "   ", "1234", "----", "\u200B\u200B", "A name that is far too long for an assistant"})
    @DisplayName("NAME-1 a name must have letters and at most 40 characters")
    void format(String name) {
        assertEquals(Category.FORMAT, rejected(name));
    }

    @Test
    @DisplayName("NAME-2 control characters are refused")
    void controlCharacters() {
        assertEquals(Category.FORMAT, rejected("Ada\u0007"));
    }

    @Test
    @DisplayName("NAME-2 the skeleton reads look-alikes as plain lowercase letters")
    void skeleton() {
        assertEquals("support", NameRules.skeleton("\uFF33upp\u200B\u043Ert"));
        assertEquals("officiai", NameRules.skeleton("Official")); // "l" and "1" both read as "i"
        assertEquals(List.of("support", "bot"), NameRules.words("S u p p o r t  B0T"));
        assertEquals("admin", NameRules.skeleton("4dm1n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Cvnt Bot, cunt", "Pendejito, pendejo", "Stronzone, stronzo", "Arschgeige, arsch", "Kurwiszcze, kurwa",
            "Ya 7mara, hmara", "Пидоp, пидор", "SB小助手, sb", "Kanker Hoer, kanker", "Coño Loco, coño"})
    @DisplayName("NAME-2 a 'v' for a vowel, inflections and diminutives, compounds, Arabizi digits, a Latin letter in a Cyrillic word, "
            + "Latin beside Han, and accents that tell a word from a name are read as the word, which the refusal names")
    void readsDisguisesAsTheWord(String name, String word) {
        NameRules.Rejection rejection = NameRules.check(name).orElseThrow(() -> new AssertionError(name + " was accepted"));
        assertEquals(Category.OFFENSIVE, rejection.category(), rejection::toString);
        assertEquals(word, rejection.word(), rejection::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Rapee", "Nigella", "Fuka", "Nazia", "Fagin", "Cazzola", "Ji-min", "Wei Ling", "Bibi", "Pelle", "Cono",
            "Anita", "Putri", "Ivan", "Vlad", "Svetlana", "Zvonimir", "Wiktor", "Merdan", "Marschall", "Moroni", "Morone", "Pisciotta"})
    @DisplayName("NAME-2 short stems take no name-like ending, a doubled vowel ends a name, accents and doubled letters of a term stay its own")
    void namesNearTermsPass(String name) {
        assertTrue(NameRules.check(name).isEmpty(), () -> name + " -> " + NameRules.check(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Chujowa, chuj", "Dupeczek, dupa", "Pedałem, pedał", "Kokotovi, kokot", "Huynya, huy", "Pizdyuk, pizda",
            "Putón, puta", "Culones, culo", "Vergudo, verga", "Fodão, foda", "Cuzões, cuz", "Troiona, troia", "Zoccoletta, zoccola",
            "Sikikler, sik", "Piçlerin, piç", "Götün, göt", "Depperle, depp", "Hurenkerl, hure", "Superchujek, chuj"})
    @DisplayName("NAME-2 a short stem with an ending of its own language (case, diminutive, augmentative, compound) is refused")
    void shortStemsTakeTheirLanguagesEndings(String name, String stem) {
        NameRules.Rejection rejection = NameRules.check(name).orElseThrow(() -> new AssertionError(name + " was accepted"));
        assertEquals(Category.OFFENSIVE, rejection.category(), rejection::toString);
        assertEquals(stem, rejection.word(), rejection::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Hujer", "Studio Hujer", "Hujerová", "Pola", "Pollo Loco", "Porras", "Pollera", "Dupont", "Dupas",
            "Cipolla", "Ciotka Basia", "Sikora", "Gotik", "Picci", "Vergara", "Fodor", "Hula", "Huia", "Hua Mei", "Huy Tran",
            "Hui Lan", "Cuza", "Troina", "Deppe", "Nazer", "Pedale", "Pissis", "Ciotola"})
    @DisplayName("NAME-2 ordinary names that read as a short stem with an ending of another language, or that the list of ordinary words names, pass")
    void ordinaryNamesNearShortStemsPass(String name) {
        assertTrue(NameRules.check(name).isEmpty(), () -> name + " -> " + NameRules.check(name));
    }
}
