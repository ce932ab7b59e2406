package app.go.domain.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The multilingual rules of {@code safety/rules.txt}: per category, one pattern per language, all
 * matched on {@link Fold#text folded} text. A message in one language may quote another, so every
 * language's pattern of a category applies to every text.
 */
public final class SafetyRules {
    public enum Category {
        INSTRUCTION, ROLE_CHANGE, LIMIT_CHANGE, PROMPT_EXTRACTION, OTHER_SELLER, OFFER, ORDER, MESSENGER,
        CONTACT_WORD, CONTACT_REQUEST, PAYMENT_ROUTE, PAY, DIRECT, PLATFORM, NEGATION, PERSONAL_LABEL, BYPASS, SUBJECT, DISPLAY_USE
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS
            | Pattern.MULTILINE;
    private static final Map<Category, List<Pattern>> RULES = load("/safety/rules.txt");

    private SafetyRules() {}

    /** The first piece of {@code folded} text the category's rules match. */
    public static Optional<String> find(Category category, String folded) {
        for (Pattern pattern : RULES.get(category)) {
            Matcher matcher = pattern.matcher(folded);
            if (matcher.find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    /** Every piece of {@code folded} text the category's rules match, in the order of the rules. */
    static List<java.util.regex.MatchResult> all(Category category, String folded) {
        List<java.util.regex.MatchResult> found = new ArrayList<>();
        for (Pattern pattern : RULES.get(category)) {
            pattern.matcher(folded).results().forEach(found::add);
        }
        return found;
    }

    public static boolean matches(Category category, String folded) {
        return find(category, folded).isPresent();
    }

    private static Map<Category, List<Pattern>> load(String resource) {
        Map<Category, List<Pattern>> rules = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            rules.put(category, new ArrayList<>());
        }
        try (InputStream in = SafetyRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                if (parts.length < 3) {
                    throw new IllegalStateException(resource + ":" + number + " needs CATEGORY LANGUAGE REGEX");
                }
                Category category = Category.valueOf(parts[0].toUpperCase(Locale.ROOT));
                rules.get(category).add(Pattern.compile(foldLiterals(parts[2]), FLAGS));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rules.replaceAll((c, patterns) -> List.copyOf(patterns));
        return rules;
    }

    /**
     * A rule is written in plain lower case; folding its text the way messages are folded (accents,
     * Arabic letter variants) lets it be written either way. Regex syntax is ASCII and survives.
     */
    private static String foldLiterals(String regex) {
        StringBuilder out = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
            } else if (c < 128) {
                out.append(c);
            } else {
                int end = i;
                while (end < regex.length() && regex.charAt(end) >= 128) {
                    end++;
                }
                out.append(Fold.text(regex.substring(i, end)));
                i = end - 1;
            }
        }
        return out.toString();
    }
}
