package app.go.local.http;

import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A route path such as {@code /conversations/{id}/messages}: literal segments and {@code {name}} segments. */
final class PathTemplate {
    private final String template;
    private final List<String> segments;

    PathTemplate(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + template);
        }
        this.template = template;
        this.segments = List.of(template.substring(1).split("/", -1));
    }

    String template() {
        return template;
    }

    /** @return the path parameters when every segment matches; a parameter matches one non-empty segment */
    Optional<Map<String, String>> match(List<String> pathSegments) {
        if (pathSegments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String actual = pathSegments.get(i);
            if (isParameter(expected)) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    /** Positive when this template is more specific: the first segment where one is literal and the other not decides. */
    int compareSpecificity(PathTemplate other) {
        for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
            boolean mine = isParameter(segments.get(i));
            boolean theirs = isParameter(other.segments.get(i));
            if (mine != theirs) {
                return mine ? -1 : 1;
            }
        }
        return 0;
    }

    /**
     * Splits a raw request path into percent-decoded segments; an encoded slash stays inside its segment.
     *
     * @throws IllegalArgumentException when the path is not valid percent-encoding
     */
    static List<String> segments(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        List<String> decoded = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            // URLDecoder is a form decoder: keep '+' literal as it is in a path
            decoded.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return decoded;
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }
}
