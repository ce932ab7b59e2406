package app.go.local.stepfunctions;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${Name}} placeholders in a definition's text, like CloudFormation's DefinitionSubstitutions. */
final class DefinitionSubstitutions {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private DefinitionSubstitutions() {
    }

    static String apply(String text, Map<String, String> substitutions) {
        Set<String> missing = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = substitutions.get(name);
            if (value == null) {
                missing.add("${" + name + "}");
                continue;
            }
            // placeholders sit inside JSON strings, so the value is escaped as string content
            matcher.appendReplacement(result, Matcher.quoteReplacement(escapeJson(value)));
        }
        if (!missing.isEmpty()) {
            throw new InvalidDefinitionException("No substitution given for placeholder(s) " + String.join(", ", missing)
                    + "; substitutions given: " + new TreeSet<>(substitutions.keySet()));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String escapeJson(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
