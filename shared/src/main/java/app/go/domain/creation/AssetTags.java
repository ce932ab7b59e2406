package app.go.domain.creation;

import app.go.support.errors.DomainException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CM-AST-5: the free tags on an asset (style, content type, details: "warm", "narration",
 * "british accent"). Trimmed, blanks dropped, duplicates (ignoring case) dropped, order kept.
 */
public final class AssetTags {
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_CHARS = 40;

    private AssetTags() {}

    public static List<String> normalize(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > MAX_TAG_CHARS) {
                throw DomainException.validation("a tag may be at most " + MAX_TAG_CHARS + " characters");
            }
            if (seen.add(t.toLowerCase(Locale.ROOT))) {
                result.add(t);
            }
        }
        if (result.size() > MAX_TAGS) {
            throw DomainException.validation("an asset takes at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(result);
    }
}
