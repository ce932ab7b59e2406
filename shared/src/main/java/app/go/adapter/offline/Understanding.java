package app.go.adapter.offline;

import app.go.domain.assistant.CueBook;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What the offline model recognises by meaning ({@value #RESOURCE}): question topics, the kinds of
 * service, package tiers, requirement cues and a lexicon that tags knowledge entries and questions
 * with the same concepts in any language.
 */
final class Understanding {
    static final String RESOURCE = "/offline/understanding.json";
    static final Understanding STANDARD = load();

    final CueBook topics;
    final CueBook serviceKinds;
    final CueBook tiers;
    final CueBook requirements;
    final CueBook lexicon;

    private Understanding(JsonNode root) {
        topics = new CueBook(root.get("topics"));
        serviceKinds = new CueBook(root.get("services"));
        tiers = new CueBook(root.get("tiers"));
        requirements = new CueBook(root.get("requirements"));
        lexicon = new CueBook(root.get("lexicon"));
    }

    private static Understanding load() {
        try (InputStream in = Understanding.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new Understanding(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
