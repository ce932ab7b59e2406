package app.go.domain.creation;

import app.go.domain.port.BlobStore;
import app.go.domain.port.CreationStore;
import app.go.domain.port.MediaInspector;
import app.go.domain.port.TextInImageDetector;
import app.go.support.errors.DomainException;
import app.go.support.log.Log;
import app.go.support.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The facts of assets: read from the blob store, measured (decoding the file) only when missing. */
public final class MeasuredAssets {
    public static final String TEXT_CHECK_UNAVAILABLE = "TEXT_CHECK_UNAVAILABLE";
    private static final Log LOG = Log.get(MeasuredAssets.class);

    private final CreationStore store;
    private final BlobStore blobs;
    private final MediaInspector inspector;
    private final TextInImageDetector texts;

    public MeasuredAssets(CreationStore store, BlobStore blobs, MediaInspector inspector, TextInImageDetector texts) {
        this.store = store;
        this.blobs = blobs;
        this.inspector = inspector;
        this.texts = texts;
    }

    public record Measured(Asset asset, AssetFacts facts) {}

    /**
     * Decodes the bytes as the kind says, asks the text detector about an image and stores the facts.
     * A detector that cannot answer now leaves the finding open: the next check asks again.
     */
    public AssetFacts measure(Asset asset, byte[] bytes) {
        AssetFacts facts = switch (asset.kind()) {
            case IMAGE -> new AssetFacts(MediaKind.IMAGE, inspector.image(bytes).orElse(null), null, null, null);
            case AUDIO -> new AssetFacts(MediaKind.AUDIO, null, inspector.audio(bytes).orElse(null), null, null);
            case TEXT -> new AssetFacts(MediaKind.TEXT, null, null, text(bytes), null);
        };
        if (facts.image() != null) {
            try {
                facts = facts.withText(texts.detect(bytes, facts.image()));
            } catch (TextInImageDetector.Unavailable e) {
                LOG.warn("text check left for the next asset check", "assetId", asset.id(), "reason", e.getMessage());
            }
        }
        store(asset, facts);
        return facts;
    }

    private void store(Asset asset, AssetFacts facts) {
        blobs.put(AssetFacts.key(asset), Json.write(facts).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** CM-AST-6: the text finding of every image, asked now where it is still open; an outage is a 503, never a pass. */
    private List<Measured> withTextFindings(List<Measured> assets, List<String> problems) {
        List<Measured> result = new ArrayList<>(assets.size());
        for (Measured m : assets) {
            if (m.facts().image() == null || m.facts().text() != null) {
                result.add(m);
                continue;
            }
            Optional<byte[]> bytes = blobs.get(m.asset().blobKey());
            if (bytes.isEmpty()) {
                problems.add(m.asset().id() + ": content not found");
                continue;
            }
            AssetFacts facts;
            try {
                facts = m.facts().withText(texts.detect(bytes.get(), m.facts().image()));
            } catch (TextInImageDetector.Unavailable e) {
                throw new DomainException(DomainException.Kind.UNAVAILABLE, TEXT_CHECK_UNAVAILABLE,
                        "the check for text and watermarks on images is unavailable right now; nothing was changed, try again"
                                + " in a minute");
            }
            store(m.asset(), facts);
            result.add(new Measured(m.asset(), facts));
        }
        return result;
    }

    /**
     * The model's assets with their facts; {@code problems} collects assets or contents that are gone.
     */
    public List<Measured> of(Model model, List<String> problems) {
        List<Measured> result = new ArrayList<>();
        for (String assetId : model.assetIds()) {
            Optional<Asset> asset = store.asset(model.sellerId(), assetId);
            if (asset.isEmpty()) {
                problems.add(assetId + ": asset not found");
                continue;
            }
            Optional<AssetFacts> facts = blobs.get(AssetFacts.key(asset.get()))
                    .map(b -> Json.read(new String(b, StandardCharsets.UTF_8), AssetFacts.class));
            if (facts.isEmpty()) {
                Optional<byte[]> bytes = blobs.get(asset.get().blobKey());
                if (bytes.isEmpty()) {
                    problems.add(assetId + ": content not found");
                    continue;
                }
                facts = Optional.of(measure(asset.get(), bytes.get()));
            }
            result.add(new Measured(asset.get(), facts.get()));
        }
        return result;
    }

    /** The asset checks on the model's assets; assets or contents that are gone are errors too. */
    public AssetChecks.Report check(Model model, Subcategory subcategory) {
        List<String> problems = new ArrayList<>();
        List<Measured> assets = withTextFindings(of(model, problems), problems);
        AssetChecks.Report report = AssetChecks.check(subcategory, assets);
        if (problems.isEmpty()) {
            return report;
        }
        problems.addAll(report.errors());
        return new AssetChecks.Report(problems, report.warnings());
    }

    private static Integer text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        return text.contains("\uFFFD") || control > text.length() / 100 ? null : text.length();
    }
}
