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

    /**
     * Folded text is lower case but for a few look-alike prototypes ("O" for a zero), so the rules match
     * exactly on its {@link #lower lower case}; case-insensitive matching costs several times more and is
     * kept only for a text whose lower case would shift the offsets.
     */
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE;
    private static final int CASELESS = FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Map<Category, List<Pattern>> RULES = load("/safety/rules.txt", FLAGS);

    /** Compiled on first use only: no text folding leaves today needs it, and a cold start should not pay for it. */
    private static final class Caseless {
        static final Map<Category, List<Pattern>> RULES = load("/safety/rules.txt", CASELESS);
    }

    private SafetyRules() {}

    /** The first piece of {@code folded} text the category's rules match. */
    public static Optional<String> find(Category category, String folded) {
        String lower = lower(folded);
        boolean exact = lower.length() == folded.length();
        for (Pattern pattern : (exact ? RULES : Caseless.RULES).get(category)) {
            Matcher matcher = pattern.matcher(exact ? lower : folded);
            if (matcher.find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    /** Every piece of {@code folded} text the category's rules match, in the order of the rules. */
    static List<java.util.regex.MatchResult> all(Category category, String folded) {
        List<java.util.regex.MatchResult> found = new ArrayList<>();
        String lower = lower(folded);
        boolean exact = lower.length() == folded.length();
        for (Pattern pattern : (exact ? RULES : Caseless.RULES).get(category)) {
            pattern.matcher(exact ? lower : folded).results().forEach(found::add);
        }
        return found;
    }

    /**
     * Lower case with the Turkish dotless i read as i: case folding keeps "ı", and case-insensitive
     * matching took it for "i" (both upper-case to "I"), which the Turkish rules rely on.
     */
    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ı', 'i');
    }

    public static boolean matches(Category category, String folded) {
        return find(category, folded).isPresent();
    }

    private static Map<Category, List<Pattern>> load(String resource, int flags) {
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
                rules.get(category).add(Pattern.compile(wordStartsFactored(foldLiterals(parts[2])), flags));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rules.replaceAll((c, patterns) -> List.copyOf(patterns));
        return rules;
    }

    /**
     * The same rule with each run of top-level alternatives that start with {@code \\b} written as one
     * {@code \\b(?:a|b|…)}: the engine then tests the word boundary once per position instead of once per
     * alternative (most of the matching time), and at the same position the alternatives keep their order,
     * so the rule matches exactly what it did.
     */
    static String wordStartsFactored(String regex) {
        List<String> alternatives = topLevelAlternatives(regex);
        StringBuilder out = new StringBuilder(regex.length() + 16);
        for (int i = 0; i < alternatives.size(); ) {
            if (out.length() > 0) {
                out.append('|');
            }
            int end = i;
            while (end < alternatives.size() && alternatives.get(end).startsWith("\\b")) {
                end++;
            }
            if (end - i < 2) {
                out.append(alternatives.get(i++));
                continue;
            }
            out.append("\\b(?:");
            for (int j = i; j < end; j++) {
                out.append(j > i ? "|" : "").append(alternatives.get(j).substring(2));
            }
            out.append(')');
            i = end;
        }
        return out.toString();
    }

    /** The alternatives of {@code regex} outside any group or character class. */
    private static List<String> topLevelAlternatives(String regex) {
        List<String> alternatives = new ArrayList<>();
        int groups = 0;
        int classes = 0;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                classes++;
            } else if (c == ']' && classes > 0) {
                classes--;
            } else if (classes == 0 && c == '(') {
                groups++;
            } else if (classes == 0 && c == ')') {
                groups--;
            } else if (classes == 0 && groups == 0 && c == '|') {
                alternatives.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(regex.substring(start));
        return alternatives;
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
                out.append(lower(Fold.text(regex.substring(i, end))));
                i = end - 1;
            }
        }
        return out.toString();
    }
}
