package app.go.local.dynamodb.table;

import app.go.local.dynamodb.DynamoException;

import java.util.regex.Pattern;

/** DynamoDB's rule for table and index names: 3 to 255 of [a-zA-Z0-9_.-]. */
public final class TableNames {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private TableNames() {}

    public static String check(String name) {
        if (name == null) {
            throw DynamoException.validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        }
        if (!VALID.matcher(name).matches()) {
            throw DynamoException.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed to satisfy constraint: "
                    + (name.length() < 3 || name.length() > 255 ? "Member must have length greater than or equal to 3"
                    : "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
        }
        return name;
    }
}
