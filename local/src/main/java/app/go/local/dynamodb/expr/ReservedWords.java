package app.go.local.dynamodb.expr;

import java.util.Locale;
import java.util.Set;

/**
 * A subset of DynamoDB's reserved words (the full list has several hundred): the ones most often
 * used as attribute names by mistake, so such expressions fail here as they do in DynamoDB.
 */
final class ReservedWords {
    private static final Set<String> WORDS = Set.of(
            "ABORT", "ACTION", "ADD", "ALL", "AND", "BETWEEN", "BY", "CASE", "COUNT", "DATA", "DATE", "DELETE", "DESC",
            "END", "FROM", "GROUP", "HASH", "IN", "INDEX", "KEY", "KEYS", "LIMIT", "NAME", "NOT", "NULL", "NUMBER", "OR",
            "ORDER", "RANGE", "REMOVE", "SELECT", "SET", "STATUS", "TABLE", "TIMESTAMP", "TTL", "TYPE", "UPDATE", "USER",
            "VALUE", "VALUES", "WHERE", "YEAR", "ZONE", "COMMENT", "CONNECTION", "DAY", "HOUR", "LEVEL", "MONTH", "OWNER",
            "PATH", "PERCENT", "ROLE", "SESSION", "SIZE", "SOURCE", "STATE", "TEXT", "TIME", "TOKEN", "TOTAL", "URL", "VIEW");

    private ReservedWords() {}

    static boolean contains(String name) {
        return WORDS.contains(name.toUpperCase(Locale.ROOT));
    }
}
