package app.go.domain.creation;

import app.go.support.errors.DomainException;
import app.go.support.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The subcategory table (CM-CAT-1): data, loaded from {@code /creation/subcategories.json}. */
public final class Subcategories {
    private static final String RESOURCE = "/creation/subcategories.json";
    private static volatile Subcategories standard;

    private final List<Subcategory> rows;

    public Subcategories(List<Subcategory> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The table shipped with the system. */
    public static Subcategories standard() {
        if (standard == null) {
            try (InputStream in = Subcategories.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                standard = new Subcategories(List.of(Json.MAPPER.readValue(in, Subcategory[].class)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    public List<Subcategory> all() {
        return rows;
    }

    public Optional<Subcategory> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toUpperCase(Locale.ROOT);
        return rows.stream().filter(r -> r.id().equals(wanted)).findFirst();
    }

    /** The row, or 400 VALIDATION_FAILED naming the known ids. */
    public Subcategory require(String id) {
        return find(id).orElseThrow(() -> DomainException.validation("subcategory must be one of "
                + rows.stream().map(Subcategory::id).toList()));
    }
}
