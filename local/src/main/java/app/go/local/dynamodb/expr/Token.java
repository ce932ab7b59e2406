package app.go.local.dynamodb.expr;

/** One lexical token of an expression, with where it starts in the text (for "near:" in errors). */
record Token(Kind kind, String text, int start) {
    enum Kind { NAME, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, NUMBER, SYMBOL, END }

    boolean is(String symbolOrKeyword) {
        return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equalsIgnoreCase(symbolOrKeyword);
    }
}
