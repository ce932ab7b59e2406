package app.go.domain.assistant;

import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Issue 7 item 2: lingua against optimaize on the short chat messages of the labelled set: accuracy,
 * load time and retained heap, each in a fresh JVM ({@code java ... LanguageDetectorComparison lingua|optimaize}).
 */
public final class LanguageDetectorComparison {
    static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "ar", "zh", "ru", "it", "pt", "tr", "ja", "ko", "hi",
            "pl", "nl", "sv", "uk", "id", "vi");

    public static void main(String[] args) throws Exception {
        List<String[]> cases = new ArrayList<>();
        try (InputStream in = LanguageDetectorComparison.class.getResourceAsStream("/eval/assistant/messages.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode c = Json.parse(line);
                    cases.add(new String[]{c.get("lang").asText(), c.get("text").asText()});
                }
            }
        }
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        Function<String, String> detector = switch (args[0]) {
            case "lingua" -> lingua(false);
            case "lingua-low" -> lingua(true);
            case "optimaize" -> optimaize();
            default -> LanguageDetector::detect;
        };
        detector.apply("warm up the models");
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        long heap = usedHeap() - heapBefore;
        int right = 0;
        long detectStarted = System.nanoTime();
        for (String[] c : cases) {
            if (c[0].equals(detector.apply(c[1]))) {
                right++;
            }
        }
        double perMessageMicros = (System.nanoTime() - detectStarted) / 1_000.0 / cases.size();
        System.out.printf(Locale.ROOT, "%s: accuracy %.3f (%d/%d), load %d ms, retained heap %d MB, %.0f us/message%n",
                args[0], (double) right / cases.size(), right, cases.size(), loadMillis, heap / (1024 * 1024), perMessageMicros);
    }

    private static Function<String, String> lingua(boolean lowAccuracy) {
        Language[] languages = LANGUAGES.stream().map(l -> Language.getByIsoCode639_1(
                com.github.pemistahl.lingua.api.IsoCode639_1.valueOf(l.toUpperCase(Locale.ROOT)))).toArray(Language[]::new);
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages);
        com.github.pemistahl.lingua.api.LanguageDetector detector = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
        return text -> detector.detectLanguageOf(text).getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }

    private static Function<String, String> optimaize() {
        try {
            List<String> names = LANGUAGES.stream().map(l -> l.equals("zh") ? "zh-CN" : l).toList();
            var profiles = new LanguageProfileReader().read(names);
            var detector = com.optimaize.langdetect.LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(profiles).build();
            var texts = CommonTextObjectFactories.forDetectingShortCleanText();
            return text -> detector.getProbabilities(texts.forText(text)).stream().findFirst()
                    .map(p -> p.getLocale().getLanguage()).orElse("und");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
