package app.go.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for DynamoDB's expression grammar (condition, update, projection), resolving
 * placeholders through the request's {@link ExpressionContext} as it goes. Precedence, lowest first:
 * OR, AND, NOT, then comparisons / BETWEEN / IN / functions / parentheses.
 */
public final class ExpressionParser {
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists", "attribute_type",
            "begins_with", "contains");
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Set<String> VALID_TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL");

    private final String text;
    private final ExpressionContext context;
    private final List<Token> tokens;
    private int position;

    private ExpressionParser(String text, String kind, ExpressionContext context) {
        this.text = text;
        this.context = context;
        context.begin(kind);
        if (text.isBlank()) {
            throw context.invalid("The expression can not be empty;");
        }
        this.tokens = Lexer.tokens(text, context);
    }

    /** @param kind ConditionExpression, FilterExpression or KeyConditionExpression (names the errors) */
    public static Condition condition(String text, String kind, ExpressionContext context) {
        ExpressionParser parser = new ExpressionParser(text, kind, context);
        Condition condition = parser.or();
        parser.expectEnd();
        return condition;
    }

    public static UpdateExpression update(String text, ExpressionContext context) {
        ExpressionParser parser = new ExpressionParser(text, "UpdateExpression", context);
        return parser.updateClauses();
    }

    public static List<Path> projection(String text, ExpressionContext context) {
        ExpressionParser parser = new ExpressionParser(text, "ProjectionExpression", context);
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(parser.path());
        } while (parser.accept(","));
        parser.expectEnd();
        parser.checkNoOverlap(paths);
        return paths;
    }

    // ---- conditions

    private Condition or() {
        Condition left = and();
        while (acceptKeyword("OR")) {
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (acceptKeyword("AND")) {
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (acceptKeyword("NOT")) {
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (accept("(")) {
            Condition inner = or();
            expect(")");
            return inner;
        }
        Token token = peek();
        if (token.kind() == Token.Kind.NAME && peekAt(1).is("(")) {
            String function = token.text();
            if (CONDITION_FUNCTIONS.contains(function)) {
                position++;
                return conditionFunction(function);
            }
            if (!function.equals("size")) {
                throw context.invalid("Invalid function name; function: " + function);
            }
        }
        Operand left = operand();
        Token next = peek();
        if (next.kind() == Token.Kind.SYMBOL && COMPARATORS.contains(next.text())) {
            position++;
            return new Condition.Comparison(left, next.text(), operand());
        }
        if (acceptKeyword("BETWEEN")) {
            Operand low = operand();
            expectKeyword("AND");
            return new Condition.Between(left, low, operand());
        }
        if (acceptKeyword("IN")) {
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand());
            } while (accept(","));
            expect(")");
            if (candidates.size() > 100) {
                throw context.invalid("The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        throw syntaxError(next);
    }

    private Condition conditionFunction(String function) {
        expect("(");
        Condition condition = switch (function) {
            case "attribute_exists" -> new Condition.AttributeExists(path(), true);
            case "attribute_not_exists" -> new Condition.AttributeExists(path(), false);
            case "attribute_type" -> {
                Path path = path();
                expect(",");
                Operand type = operand();
                if (type instanceof Operand.Literal literal && !(literal.literal().has("S")
                        && VALID_TYPES.contains(literal.literal().get("S").asText()))) {
                    throw context.invalid("Invalid attribute type name found; type: " + literal.literal().path("S").asText()
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                }
                yield new Condition.AttributeType(path, type);
            }
            case "begins_with" -> {
                Operand value = operand();
                expect(",");
                yield new Condition.BeginsWith(value, operand());
            }
            default -> {
                Operand value = operand();
                expect(",");
                yield new Condition.Contains(value, operand());
            }
        };
        expect(")");
        return condition;
    }

    private Operand operand() {
        Token token = peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            position++;
            return new Operand.Literal(token.text(), context.value(token.text()));
        }
        if (token.kind() == Token.Kind.NAME && peekAt(1).is("(")) {
            position += 2;
            Operand operand = switch (token.text()) {
                case "size" -> new Operand.Size(path());
                case "if_not_exists" -> {
                    requireUpdate(token);
                    Path path = path();
                    expect(",");
                    yield new Operand.IfNotExists(path, operand());
                }
                case "list_append" -> {
                    requireUpdate(token);
                    Operand first = operand();
                    expect(",");
                    yield new Operand.ListAppend(first, operand(), context.kind());
                }
                default -> throw CONDITION_FUNCTIONS.contains(token.text())
                        ? context.invalid("The function is not allowed to be used this way in an expression; function: " + token.text())
                        : context.invalid("Invalid function name; function: " + token.text());
            };
            expect(")");
            return operand;
        }
        return new Operand.PathOperand(path());
    }

    private void requireUpdate(Token function) {
        if (!context.kind().equals("UpdateExpression")) {
            throw context.invalid("The function is not allowed in a " + context.kind().replace("Expression", "").toLowerCase(Locale.ROOT)
                    + " expression; function: " + function.text());
        }
    }

    // ---- paths

    private Path path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(".")) {
                elements.add(pathName());
            } else if (peek().is("[")) {
                position++;
                Token index = next();
                if (index.kind() != Token.Kind.NUMBER) {
                    throw syntaxError(index);
                }
                expect("]");
                elements.add(Integer.parseInt(index.text()));
            } else {
                return new Path(elements);
            }
        }
    }

    private String pathName() {
        Token token = next();
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            return context.name(token.text());
        }
        if (token.kind() != Token.Kind.NAME || !Character.isLetter(token.text().charAt(0)) && token.text().charAt(0) != '_') {
            throw syntaxError(token);
        }
        if (ReservedWords.contains(token.text())) {
            throw context.invalid("Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        return token.text();
    }

    // ---- update

    private UpdateExpression updateClauses() {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        List<UpdateAction> actions = new ArrayList<>();
        while (peek().kind() != Token.Kind.END) {
            Token clause = next();
            String name = clause.text().toUpperCase(Locale.ROOT);
            if (clause.kind() != Token.Kind.NAME || !Set.of("SET", "REMOVE", "ADD", "DELETE").contains(name)) {
                throw syntaxError(clause);
            }
            if (seen.put(name, true) != null) {
                throw context.invalid("The \"" + name + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(name));
            } while (accept(","));
        }
        checkNoOverlap(actions.stream().map(UpdateAction::path).toList());
        return new UpdateExpression(actions);
    }

    private UpdateAction action(String clause) {
        Path path = path();
        return switch (clause) {
            case "SET" -> {
                expect("=");
                Operand value = operand();
                if (peek().is("+") || peek().is("-")) {
                    char operator = next().text().charAt(0);
                    value = new Operand.Arithmetic(value, operator, operand(), context.kind());
                }
                yield new UpdateAction.Set(path, value);
            }
            case "REMOVE" -> new UpdateAction.Remove(path);
            case "ADD" -> new UpdateAction.Add(path, literal());
            default -> new UpdateAction.Delete(path, literal());
        };
    }

    private Operand literal() {
        Token token = next();
        if (token.kind() != Token.Kind.VALUE_PLACEHOLDER) {
            throw syntaxError(token);
        }
        return new Operand.Literal(token.text(), context.value(token.text()));
    }

    private void checkNoOverlap(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw context.invalid("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                            + paths.get(i).listForm() + ", path two: " + paths.get(j).listForm());
                }
            }
        }
    }

    // ---- tokens

    private Token peek() {
        return tokens.get(position);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.END) {
            position++;
        }
        return token;
    }

    private boolean accept(String symbol) {
        if (peek().kind() == Token.Kind.SYMBOL && peek().text().equals(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().kind() == Token.Kind.NAME && peek().text().equalsIgnoreCase(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!accept(symbol)) {
            throw syntaxError(peek());
        }
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw syntaxError(peek());
        }
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw syntaxError(peek());
        }
    }

    private RuntimeException syntaxError(Token token) {
        return context.syntaxError(token.text(), text, token.start());
    }
}
