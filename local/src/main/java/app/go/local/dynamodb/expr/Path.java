package app.go.local.dynamodb.expr;

import java.util.List;

/**
 * A document path with its placeholders resolved: top-level name, then map keys (String) and list
 * indexes (Integer), e.g. {@code a.b[2].c} is [a, b, 2, c].
 */
public record Path(List<Object> elements) {
    public Path {
        elements = List.copyOf(elements);
    }

    public static Path of(String topLevelName) {
        return new Path(List.of(topLevelName));
    }

    public String topLevel() {
        return (String) elements.get(0);
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** Whether one path is the other or lies inside it (DynamoDB rejects such pairs in one update). */
    public boolean overlaps(Path other) {
        int common = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, common).equals(other.elements.subList(0, common));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object element : elements) {
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }

    /** DynamoDB's form in overlap errors: [a, b, [2]]. */
    String listForm() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Object element = elements.get(i);
            out.append(element instanceof Integer ? "[" + element + "]" : element);
        }
        return out.append(']').toString();
    }
}
