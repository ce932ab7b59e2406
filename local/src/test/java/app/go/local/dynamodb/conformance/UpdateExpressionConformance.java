package app.go.local.dynamodb.conformance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** UpdateExpression: SET (with + and -, if_not_exists, list_append), REMOVE, ADD, DELETE, nested paths, errors. */
abstract class UpdateExpressionConformance extends ConformanceBase {
    private String table;

    @BeforeAll
    void createTable() {
        table = table("pk", null);
    }

    /** Puts the item under a fresh key, applies the update, returns the item afterwards. */
    private Map<String, AttributeValue> after(Map<String, AttributeValue> start, String update, Map<String, AttributeValue> values) {
        return after(start, update, values, Map.of());
    }

    private Map<String, AttributeValue> after(Map<String, AttributeValue> start, String update, Map<String, AttributeValue> values,
                                              Map<String, String> names) {
        String id = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(start);
        item.put("pk", s(id));
        put(table, item);
        client.updateItem(b -> {
            b.tableName(table).key(item("pk", s(id))).updateExpression(update);
            if (!values.isEmpty()) {
                b.expressionAttributeValues(values);
            }
            if (!names.isEmpty()) {
                b.expressionAttributeNames(names);
            }
        });
        Map<String, AttributeValue> result = new java.util.LinkedHashMap<>(get(table, item("pk", s(id))));
        result.remove("pk");
        return result;
    }

    private void rejects(String fragment, Map<String, AttributeValue> start, String update, Map<String, AttributeValue> values) {
        assertValidation(fragment, () -> after(start, update, values));
    }

    @Test
    @DisplayName("UpdateExpression: SET adds a new attribute")
    void setNew() {
        assertEquals(item("a", s("x")), after(item(), "SET a = :v", values(":v", s("x"))));
    }

    @Test
    @DisplayName("UpdateExpression: SET replaces an attribute of another type")
    void setReplacesType() {
        assertEquals(item("a", n("1")), after(item("a", s("x")), "SET a = :v", values(":v", n("1"))));
    }

    @Test
    @DisplayName("UpdateExpression: SET of several attributes, comma separated")
    void setSeveral() {
        assertEquals(item("a", s("1"), "b", s("2")), after(item(), "SET a = :a, b = :b", values(":a", s("1"), ":b", s("2"))));
    }

    @Test
    @DisplayName("UpdateExpression: SET a = a + :n adds numbers")
    void setPlus() {
        assertEquals(item("a", n("15")), after(item("a", n("10")), "SET a = a + :n", values(":n", n("5"))));
    }

    @Test
    @DisplayName("UpdateExpression: SET a = a - :n subtracts numbers")
    void setMinus() {
        assertEquals(item("a", n("7.5")), after(item("a", n("10")), "SET a = a - :n", values(":n", n("2.5"))));
    }

    @Test
    @DisplayName("UpdateExpression: arithmetic keeps 38 digits of precision")
    void setPlusPrecision() {
        assertEquals(item("a", n("10000000000000000000000000000000000001")),
                after(item("a", n("10000000000000000000000000000000000000")), "SET a = a + :n", values(":n", n("1"))));
    }

    @Test
    @DisplayName("UpdateExpression: SET a = a + :n on a missing attribute is a ValidationException")
    void setPlusMissing() {
        rejects("The provided expression refers to an attribute that does not exist in the item", item(), "SET a = a + :n", values(":n", n("1")));
    }

    @Test
    @DisplayName("UpdateExpression: + on a string is a ValidationException")
    void setPlusString() {
        rejects("Incorrect operand type", item("a", s("x")), "SET a = a + :n", values(":n", n("1")));
    }

    @Test
    @DisplayName("UpdateExpression: if_not_exists keeps an existing value")
    void ifNotExistsKeeps() {
        assertEquals(item("a", s("old")), after(item("a", s("old")), "SET a = if_not_exists(a, :v)", values(":v", s("new"))));
    }

    @Test
    @DisplayName("UpdateExpression: if_not_exists sets a missing value")
    void ifNotExistsSets() {
        assertEquals(item("a", s("new")), after(item(), "SET a = if_not_exists(a, :v)", values(":v", s("new"))));
    }

    @Test
    @DisplayName("UpdateExpression: if_not_exists(a, :zero) + :one counts from zero")
    void ifNotExistsPlus() {
        assertEquals(item("c", n("1")), after(item(), "SET c = if_not_exists(c, :zero) + :one", values(":zero", n("0"), ":one", n("1"))));
    }

    @Test
    @DisplayName("UpdateExpression: list_append appends at the end")
    void listAppendEnd() {
        assertEquals(item("l", l(s("a"), s("b"))), after(item("l", l(s("a"))), "SET l = list_append(l, :v)", values(":v", l(s("b")))));
    }

    @Test
    @DisplayName("UpdateExpression: list_append(:v, l) prepends")
    void listAppendFront() {
        assertEquals(item("l", l(s("b"), s("a"))), after(item("l", l(s("a"))), "SET l = list_append(:v, l)", values(":v", l(s("b")))));
    }

    @Test
    @DisplayName("UpdateExpression: list_append with a non-list is a ValidationException")
    void listAppendNonList() {
        rejects("Incorrect operand type", item("l", l(s("a"))), "SET l = list_append(l, :v)", values(":v", s("b")));
    }

    @Test
    @DisplayName("UpdateExpression: SET a nested map member")
    void setNestedMap() {
        assertEquals(item("m", m("a", s("1"), "b", s("2"))), after(item("m", m("a", s("1"))), "SET m.b = :v", values(":v", s("2"))));
    }

    @Test
    @DisplayName("UpdateExpression: SET a list element by index")
    void setListIndex() {
        assertEquals(item("l", l(s("a"), s("X"))), after(item("l", l(s("a"), s("b"))), "SET l[1] = :v", values(":v", s("X"))));
    }

    @Test
    @DisplayName("UpdateExpression: SET beyond the end of a list appends")
    void setListBeyondEnd() {
        assertEquals(item("l", l(s("a"), s("z"))), after(item("l", l(s("a"))), "SET l[10] = :v", values(":v", s("z"))));
    }

    @Test
    @DisplayName("UpdateExpression: SET under a missing map is a ValidationException")
    void setUnderMissingMap() {
        rejects("The document path provided in the update expression is invalid for update", item(), "SET m.b = :v", values(":v", s("x")));
    }

    @Test
    @DisplayName("UpdateExpression: SET a deep path a.b[0].c")
    void setDeepPath() {
        assertEquals(item("a", m("b", l(m("c", s("new"))))), after(item("a", m("b", l(m("c", s("old"))))), "SET a.b[0].c = :v", values(":v", s("new"))));
    }

    @Test
    @DisplayName("UpdateExpression: operands read the item before the update (swap)")
    void operandsReadOldItem() {
        assertEquals(item("a", s("2"), "b", s("1")), after(item("a", s("1"), "b", s("2")), "SET a = b, b = a", values()));
    }

    @Test
    @DisplayName("UpdateExpression: REMOVE drops an attribute")
    void remove() {
        assertEquals(item("b", s("2")), after(item("a", s("1"), "b", s("2")), "REMOVE a", values()));
    }

    @Test
    @DisplayName("UpdateExpression: REMOVE of a missing attribute is a no-op")
    void removeMissing() {
        assertEquals(item("b", s("2")), after(item("b", s("2")), "REMOVE a", values()));
    }

    @Test
    @DisplayName("UpdateExpression: REMOVE a list element shifts the rest")
    void removeListElement() {
        assertEquals(item("l", l(s("a"), s("c"))), after(item("l", l(s("a"), s("b"), s("c"))), "REMOVE l[1]", values()));
    }

    @Test
    @DisplayName("UpdateExpression: REMOVE of two list elements uses the original indexes")
    void removeTwoListElements() {
        assertEquals(item("l", l(s("b"), s("d"))), after(item("l", l(s("a"), s("b"), s("c"), s("d"))), "REMOVE l[0], l[2]", values()));
    }

    @Test
    @DisplayName("UpdateExpression: REMOVE a nested map member")
    void removeNested() {
        assertEquals(item("m", m("b", s("2"))), after(item("m", m("a", s("1"), "b", s("2"))), "REMOVE m.a", values()));
    }

    @Test
    @DisplayName("UpdateExpression: SET and REMOVE in one expression")
    void setAndRemove() {
        assertEquals(item("b", s("2")), after(item("a", s("1")), "SET b = :b REMOVE a", values(":b", s("2"))));
    }

    @Test
    @DisplayName("UpdateExpression: ADD to a number adds")
    void addNumber() {
        assertEquals(item("c", n("3")), after(item("c", n("1")), "ADD c :n", values(":n", n("2"))));
    }

    @Test
    @DisplayName("UpdateExpression: ADD to a missing number starts from 0")
    void addMissingNumber() {
        assertEquals(item("c", n("-1")), after(item(), "ADD c :n", values(":n", n("-1"))));
    }

    @Test
    @DisplayName("UpdateExpression: ADD to a string set unions")
    void addSet() {
        Map<String, AttributeValue> result = after(item("ss", ss("a")), "ADD ss :v", values(":v", ss("a", "b")));
        assertEquals(new HashSet<>(List.of("a", "b")), new HashSet<>(result.get("ss").ss()));
    }

    @Test
    @DisplayName("UpdateExpression: ADD a set to a missing attribute creates the set")
    void addMissingSet() {
        assertEquals(List.of("x"), after(item(), "ADD ss :v", values(":v", ss("x"))).get("ss").ss());
    }

    @Test
    @DisplayName("UpdateExpression: ADD a number to a string is a ValidationException")
    void addToString() {
        rejects("Incorrect operand type", item("c", s("x")), "ADD c :n", values(":n", n("1")));
    }

    @Test
    @DisplayName("UpdateExpression: ADD a string is a ValidationException")
    void addString() {
        rejects("Incorrect operand type", item(), "ADD c :v", values(":v", s("x")));
    }

    @Test
    @DisplayName("UpdateExpression: ADD with SET in one expression (the project's counter)")
    void addWithSet() {
        assertEquals(item("c", n("2"), "expiresAt", n("99")), after(item("c", n("1")), "ADD #c :one SET expiresAt = :exp",
                values(":one", n("1"), ":exp", n("99")), names("#c", "c")));
    }

    @Test
    @DisplayName("UpdateExpression: DELETE removes set members")
    void deleteMembers() {
        assertEquals(List.of("b"), after(item("ss", ss("a", "b")), "DELETE ss :v", values(":v", ss("a"))).get("ss").ss());
    }

    @Test
    @DisplayName("UpdateExpression: DELETE of the last members removes the attribute")
    void deleteLastMember() {
        assertFalse(after(item("ss", ss("a"), "o", s("1")), "DELETE ss :v", values(":v", ss("a"))).containsKey("ss"));
    }

    @Test
    @DisplayName("UpdateExpression: DELETE on a number set")
    void deleteNumberSet() {
        assertEquals(List.of("2"), after(item("ns", ns("1", "2")), "DELETE ns :v", values(":v", ns("1"))).get("ns").ns());
    }

    @Test
    @DisplayName("UpdateExpression: DELETE with a non-set operand is a ValidationException")
    void deleteNonSet() {
        rejects("Incorrect operand type", item("ss", ss("a")), "DELETE ss :v", values(":v", s("a")));
    }

    @Test
    @DisplayName("UpdateExpression: a clause used twice is a ValidationException")
    void clauseTwice() {
        rejects("can only be used once", item(), "SET a = :v SET b = :v", values(":v", s("x")));
    }

    @Test
    @DisplayName("UpdateExpression: overlapping paths are a ValidationException")
    void overlappingPaths() {
        rejects("Two document paths overlap", item("m", m("a", s("1"))), "SET m = :v, m.a = :v", values(":v", s("x")));
    }

    @Test
    @DisplayName("UpdateExpression: the same attribute twice is a ValidationException")
    void sameAttributeTwice() {
        rejects("Two document paths overlap", item(), "SET a = :v REMOVE a", values(":v", s("x")));
    }

    @Test
    @DisplayName("UpdateExpression: a syntax error is \"Invalid UpdateExpression: Syntax error\"")
    void syntaxError() {
        rejects("Invalid UpdateExpression: Syntax error", item(), "SET a :v", values(":v", s("x")));
    }

    @Test
    @DisplayName("UpdateExpression: an unknown clause is a syntax error")
    void unknownClause() {
        rejects("Invalid UpdateExpression: Syntax error", item(), "PUT a = :v", values(":v", s("x")));
    }

    @Test
    @DisplayName("UpdateExpression: an unknown function is a ValidationException")
    void unknownFunction() {
        rejects("Invalid UpdateExpression: Invalid function name", item(), "SET a = nope(:v)", values(":v", s("x")));
    }

    @Test
    @DisplayName("UpdateExpression: an undefined value is a ValidationException")
    void undefinedValue() {
        rejects("An expression attribute value used in expression is not defined", item(), "SET a = :nope", values(":v", s("x")));
    }

    @Test
    @DisplayName("UpdateExpression: ReturnValues=UPDATED_NEW with ADD returns the new counter")
    void updatedNewWithAdd() {
        put(table, item("pk", s("counter"), "c", n("4"), "other", s("x")));
        var response = client.updateItem(b -> b.tableName(table).key(item("pk", s("counter"))).updateExpression("ADD c :one")
                .expressionAttributeValues(values(":one", n("1"))).returnValues(ReturnValue.UPDATED_NEW));
        assertEquals(item("c", n("5")), response.attributes());
    }

    @Test
    @DisplayName("UpdateExpression: keywords are case-insensitive")
    void keywordsCaseInsensitive() {
        assertEquals(item("a", s("x")), after(item("b", s("1")), "set a = :v remove b", values(":v", s("x"))));
    }
}
