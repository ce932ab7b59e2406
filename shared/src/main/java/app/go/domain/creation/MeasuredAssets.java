package app.go.domain.creation;

import app.go.domain.port.BlobStore;
import app.go.domain.port.CreationStore;
import app.go.domain.port.MediaInspector;
import app.go.support.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The facts of assets: read from the blob store, measured (decoding the file) only when missing. */
public final class MeasuredAssets {
    private final CreationStore store;
    private final BlobStore blobs;
    private final MediaInspector inspector;

    public MeasuredAssets(CreationStore store, BlobStore blobs, MediaInspector inspector) {
        this.store = store;
        this.blobs = blobs;
        this.inspector = inspector;
    }

    public record Measured(Asset asset, AssetFacts facts) {}

    /** Decodes the bytes as the kind says and stores the facts. */
    public AssetFacts measure(Asset asset, byte[] bytes) {
        AssetFacts facts = switch (asset.kind()) {
            case IMAGE -> new AssetFacts(MediaKind.IMAGE, inspector.image(bytes).orElse(null), null, null);
            case AUDIO -> new AssetFacts(MediaKind.AUDIO, null, inspector.audio(bytes).orElse(null), null);
            case TEXT -> new AssetFacts(MediaKind.TEXT, null, null, text(bytes));
        };
        blobs.put(AssetFacts.key(asset), Json.write(facts).getBytes(StandardCharsets.UTF_8), "application/json");
        return facts;
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
        List<Measured> assets = of(model, problems);
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
