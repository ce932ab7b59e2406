package app.go.local.dynamodb.conformance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ConditionExpression: comparators, BETWEEN, IN, AND/OR/NOT with their precedence, the functions,
 * nested paths, and the errors of malformed expressions. Each case is a conditional PutItem that
 * rewrites one fixed item unchanged: it succeeds exactly when the condition holds.
 */
abstract class ConditionExpressionConformance extends ConformanceBase {
    private String table;
    private Map<String, AttributeValue> fixed;

    @BeforeAll
    void fixture() {
        table = table("pk", "sk");
        fixed = item("pk", s("cond"), "sk", s("1"), "s", s("hello"), "n", n("10"), "neg", n("-2.5"), "b", b(1, 2, 3),
                "ss", ss("a", "b"), "ns", ns("1", "2"), "t", bool(true), "z", nul(), "l", l(s("x"), n("1")),
                "m", m("a", m("b", l(m("c", s("deep"))))), "empty", s(""), "status", s("OPEN"));
        put(table, fixed);
    }

    private boolean holds(String condition, Map<String, AttributeValue> values, Map<String, String> names) {
        try {
            client.putItem(b -> {
                b.tableName(table).item(fixed).conditionExpression(condition);
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
                if (!names.isEmpty()) {
                    b.expressionAttributeNames(names);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("= on equal strings holds", "s = :v", true, ":v", s("hello")),
                c("= on different strings fails", "s = :v", false, ":v", s("world")),
                c("= on numbers compares values (10 = 10.0)", "n = :v", true, ":v", n("10.0")),
                c("= between a string and a number fails", "n = :v", false, ":v", s("10")),
                c("<> on different values holds", "s <> :v", true, ":v", s("world")),
                c("<> on equal values fails", "s <> :v", false, ":v", s("hello")),
                c("<> with a missing attribute holds", "missing <> :v", true, ":v", s("x")),
                c("= with a missing attribute fails", "missing = :v", false, ":v", s("x")),
                c("< on numbers is numeric (10 < 9 is false)", "n < :v", false, ":v", n("9")),
                c("< on numbers is numeric (10 < 100)", "n < :v", true, ":v", n("100")),
                c("<= holds on equal numbers", "n <= :v", true, ":v", n("10")),
                c("> on negative decimals", "neg > :v", true, ":v", n("-3")),
                c(">= fails below", "neg >= :v", false, ":v", n("-2")),
                c("< on strings is by code point", "s < :v", true, ":v", s("hellp")),
                c("> on strings: a prefix sorts first", "s > :v", true, ":v", s("hell")),
                c("< between string and number fails", "s < :v", false, ":v", n("1")),
                c("< on binary is unsigned (0x01.. < 0xFF)", "b < :v", true, ":v", b(255)),
                c("> on binary is unsigned (0x010203 > 0x0102)", "b > :v", true, ":v", b(1, 2)),
                c("BETWEEN includes its bounds", "n BETWEEN :lo AND :hi", true, ":lo", n("10"), ":hi", n("10")),
                c("BETWEEN fails outside", "n BETWEEN :lo AND :hi", false, ":lo", n("11"), ":hi", n("20")),
                c("BETWEEN on strings", "s BETWEEN :lo AND :hi", true, ":lo", s("a"), ":hi", s("z")),
                c("IN holds when one value matches", "s IN (:a, :b)", true, ":a", s("x"), ":b", s("hello")),
                c("IN fails when none matches", "s IN (:a, :b)", false, ":a", s("x"), ":b", s("y")),
                c("IN compares numbers by value", "n IN (:a)", true, ":a", n("1E1")),
                c("AND needs both", "s = :s AND n = :n", false, ":s", s("hello"), ":n", n("11")),
                c("OR needs one", "s = :s OR n = :n", true, ":s", s("nope"), ":n", n("10")),
                c("NOT negates", "NOT s = :s", true, ":s", s("nope")),
                c("AND binds tighter than OR (true OR (false AND false))", "s = :s OR n = :x AND n = :x", true, ":s", s("hello"), ":x", n("0")),
                c("parentheses override precedence ((true OR false) AND false)", "(s = :s OR n = :x) AND n = :x", false, ":s", s("hello"), ":x", n("0")),
                c("NOT binds tighter than AND", "NOT s = :x AND n = :n", true, ":x", s("nope"), ":n", n("10")),
                c("keywords are case-insensitive", "s = :s and not n = :x", true, ":s", s("hello"), ":x", n("0")),
                c("attribute_exists on a present attribute", "attribute_exists(s)", true),
                c("attribute_exists on a missing attribute", "attribute_exists(missing)", false),
                c("attribute_not_exists on a missing attribute", "attribute_not_exists(missing)", true),
                c("attribute_exists on a NULL attribute holds", "attribute_exists(z)", true),
                c("attribute_exists on a nested path", "attribute_exists(m.a.b[0].c)", true),
                c("attribute_exists on a missing list index", "attribute_exists(l[5])", false),
                c("attribute_type S", "attribute_type(s, :t)", true, ":t", s("S")),
                c("attribute_type N fails on a string", "attribute_type(s, :t)", false, ":t", s("N")),
                c("attribute_type SS", "attribute_type(ss, :t)", true, ":t", s("SS")),
                c("attribute_type BOOL", "attribute_type(t, :t)", true, ":t", s("BOOL")),
                c("attribute_type NULL", "attribute_type(z, :t)", true, ":t", s("NULL")),
                c("attribute_type M", "attribute_type(m, :t)", true, ":t", s("M")),
                c("attribute_type L", "attribute_type(l, :t)", true, ":t", s("L")),
                c("begins_with on a string", "begins_with(s, :p)", true, ":p", s("hel")),
                c("begins_with fails on another prefix", "begins_with(s, :p)", false, ":p", s("ello")),
                c("begins_with on binary", "begins_with(b, :p)", true, ":p", b(1, 2)),
                c("begins_with on a number is false", "begins_with(n, :p)", false, ":p", s("1")),
                c("contains a substring", "contains(s, :v)", true, ":v", s("ell")),
                c("contains fails without the substring", "contains(s, :v)", false, ":v", s("xyz")),
                c("contains a string set member", "contains(ss, :v)", true, ":v", s("a")),
                c("contains fails for a non-member", "contains(ss, :v)", false, ":v", s("c")),
                c("contains a number set member by value", "contains(ns, :v)", true, ":v", n("2.0")),
                c("contains a list element", "contains(l, :v)", true, ":v", s("x")),
                c("contains on a missing attribute is false", "contains(missing, :v)", false, ":v", s("x")),
                c("size of a string", "size(s) = :v", true, ":v", n("5")),
                c("size of an empty string is 0", "size(empty) = :v", true, ":v", n("0")),
                c("size of a binary counts bytes", "size(b) = :v", true, ":v", n("3")),
                c("size of a set counts members", "size(ss) = :v", true, ":v", n("2")),
                c("size of a list counts elements", "size(l) = :v", true, ":v", n("2")),
                c("size of a map counts entries", "size(m) = :v", true, ":v", n("1")),
                c("size < :limit as the project uses it", "attribute_not_exists(x) OR size(ss) < :limit", true, ":limit", n("3")),
                c("a nested map and list path compares", "m.a.b[0].c = :v", true, ":v", s("deep")),
                c("a list element compares", "l[1] = :v", true, ":v", n("1")),
                c("comparing two attributes", "n > neg", true),
                c("a value on the left of a comparator", ":v = s", true, ":v", s("hello")),
                c("BOOL equality", "t = :v", true, ":v", bool(true)),
                c("map equality is deep", "m = :v", true, ":v", m("a", m("b", l(m("c", s("deep")))))),
                c("list equality is ordered", "l = :v", false, ":v", l(n("1"), s("x"))),
                c("set equality ignores order", "ss = :v", true, ":v", ss("b", "a")),
                c("the never-true condition of priming is false", "attribute_exists(pk) AND attribute_not_exists(pk)", false));
    }

    private static Arguments c(String name, String expression, boolean expected, Object... values) {
        return Arguments.of(name, expression, expected, item(values));
    }

    @ParameterizedTest(name = "ConditionExpression: {0}")
    @MethodSource("cases")
    void condition(String name, String expression, boolean expected, Map<String, AttributeValue> values) {
        assertEquals(expected, holds(expression, values, Map.of()), expression);
    }

    @Test
    @DisplayName("ConditionExpression: #placeholders name attributes, also reserved words")
    void namePlaceholders() {
        assertEquals(true, holds("#st = :v", values(":v", s("OPEN")), names("#st", "status")));
    }

    @Test
    @DisplayName("ConditionExpression: a reserved word used as a name is a ValidationException")
    void reservedWord() {
        assertValidation("reserved keyword", () -> holds("status = :v", values(":v", s("OPEN")), Map.of()));
    }

    @Test
    @DisplayName("ConditionExpression: a syntax error is \"Invalid ConditionExpression: Syntax error\"")
    void syntaxError() {
        assertValidation("Invalid ConditionExpression: Syntax error", () -> holds("s = = :v", values(":v", s("x")), Map.of()));
    }

    @Test
    @DisplayName("ConditionExpression: an undefined value placeholder is a ValidationException")
    void undefinedValue() {
        assertValidation("An expression attribute value used in expression is not defined", () -> holds("s = :nope", values(":v", s("x")), Map.of()));
    }

    @Test
    @DisplayName("ConditionExpression: an undefined name placeholder is a ValidationException")
    void undefinedName() {
        assertValidation("An expression attribute name used in the document path is not defined", () -> holds("#nope = :v", values(":v", s("x")), Map.of()));
    }

    @Test
    @DisplayName("ExpressionAttributeValues: an unused value is a ValidationException")
    void unusedValue() {
        assertValidation("unused in expressions", () -> holds("s = :v", values(":v", s("x"), ":extra", s("y")), Map.of()));
    }

    @Test
    @DisplayName("ExpressionAttributeNames: an unused name is a ValidationException")
    void unusedName() {
        assertValidation("unused in expressions", () -> holds("s = :v", values(":v", s("x")), names("#extra", "x")));
    }

    @Test
    @DisplayName("ExpressionAttributeValues: a key without ':' is \"ExpressionAttributeValues contains invalid key\"")
    void invalidValueKey() {
        assertValidation("ExpressionAttributeValues contains invalid key", () -> holds("s = :v", values(":v", s("x"), "bad", s("y")), Map.of()));
    }

    @Test
    @DisplayName("ConditionExpression: an unknown function is a ValidationException")
    void unknownFunction() {
        assertValidation("Invalid function name", () -> holds("nofunction(s)", Map.of(), Map.of()));
    }

    @Test
    @DisplayName("ConditionExpression: an invalid attribute_type type name is a ValidationException")
    void invalidTypeName() {
        assertValidation("Invalid attribute type name", () -> holds("attribute_type(s, :t)", values(":t", s("STRING")), Map.of()));
    }

    @Test
    @DisplayName("ConditionExpression: an empty expression is a ValidationException")
    void emptyExpression() {
        assertValidation("Invalid ConditionExpression", () -> holds(" ", Map.of(), Map.of()));
    }

    @Test
    @DisplayName("ConditionExpression: a condition on a missing item sees no attributes")
    void missingItemHasNoAttributes() {
        assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName(table)
                .item(item("pk", s("absent"), "sk", s("1"))).conditionExpression("attribute_exists(s)")));
    }
}
