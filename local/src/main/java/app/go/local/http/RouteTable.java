package app.go.local.http;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Routes by method and path template the way API Gateway selects a route: the most specific
 * matching template wins (a literal segment beats a parameter), method {@code ANY} matches every
 * method, and a path known under other methods only is "method not allowed".
 */
final class RouteTable<T> {

    sealed interface Lookup<T> permits Found, MethodNotAllowed, NotFound {}

    record Found<T>(T target, String method, String template, Map<String, String> pathParameters) implements Lookup<T> {
        String routeKey() {
            return method + " " + template;
        }
    }

    record MethodNotAllowed<T>(Set<String> allowed) implements Lookup<T> {}

    record NotFound<T>() implements Lookup<T> {}

    private record Entry<T>(String method, PathTemplate template, T target) {}

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();

    /** Adds a route, replacing one with the same method and path. */
    synchronized void put(String method, String path, T target) {
        PathTemplate template = new PathTemplate(path);
        entries.removeIf(e -> e.method().equals(method) && e.template().template().equals(path));
        entries.add(new Entry<>(method, template, target));
    }

    List<String> routeKeys() {
        return entries.stream().map(e -> e.method() + " " + e.template().template()).toList();
    }

    Lookup<T> find(String method, String rawPath) {
        List<String> segments;
        try {
            segments = PathTemplate.segments(rawPath);
        } catch (IllegalArgumentException malformedEscape) {
            return new NotFound<>();
        }
        Found<T> best = null;
        Entry<T> bestEntry = null;
        Set<String> allowed = new TreeSet<>();
        for (Entry<T> entry : entries) {
            Optional<Map<String, String>> parameters = entry.template().match(segments);
            if (parameters.isEmpty()) {
                continue;
            }
            allowed.add(entry.method());
            boolean methodMatches = entry.method().equals(method) || entry.method().equals("ANY");
            if (methodMatches && (bestEntry == null || BY_SPECIFICITY.compare(entry, bestEntry) > 0)) {
                bestEntry = entry;
                best = new Found<>(entry.target(), entry.method(), entry.template().template(), parameters.get());
            }
        }
        if (best != null) {
            return best;
        }
        return allowed.isEmpty() ? new NotFound<>() : new MethodNotAllowed<>(allowed);
    }

    private static final Comparator<Entry<?>> BY_SPECIFICITY =
            ((Comparator<Entry<?>>) (a, b) -> a.template().compareSpecificity(b.template()))
                    .thenComparing(e -> !e.method().equals("ANY"));
}
