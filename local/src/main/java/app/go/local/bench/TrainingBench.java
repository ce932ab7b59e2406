package app.go.local.bench;

import app.go.domain.creation.Pixels;
import app.go.domain.creation.SampleArtwork;
import app.go.local.GoLocal;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * (t) CM-TRN-5 through the running system: 50 distinct 1024² artworks uploaded over HTTP (each decoded
 * and measured once, at upload), set as the model's assets (the checks answer at once), then trained
 * by the training state machine until READY. The floor is decoding the same 50 PNGs in-process, the
 * work no pipeline can skip.
 */
final class TrainingBench {
    static final int IMAGES = 50;
    static final int SIDE = 1024;
    private static final long TRAINING_LIMIT_MS = 120_000;

    private final GoLocal local;
    private final BenchHttp api;

    TrainingBench(GoLocal local, BenchHttp api) {
        this.local = local;
        this.api = api;
    }

    ObjectNode run() {
        String sellerId = "bench-trainer";
        String platform = local.tokens().mint("bench-platform", "platform");
        String seller = local.tokens().mint(sellerId, "seller");
        BenchHttp.expect(200, api.send("PUT", "/platform/sellers/" + sellerId, platform,
                Map.of("level", 2, "pro", false, "timezone", "UTC"), Map.of()));
        BenchHttp.expect(200, api.send("PUT", "/sellers/me/services/tattoo", seller, Map.of("title", "Custom tattoo designs",
                "subcategory", "TATTOO", "packages", List.of(Map.of("name", "Basic", "priceCents", 6000, "deliveryDays", 3, "revisions", 1))), Map.of()));

        List<byte[]> pngs = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            pngs.add(Pixels.png(SampleArtwork.strokesAndDiscs(i, SIDE)));
        }
        long floorStart = System.nanoTime();
        for (byte[] png : pngs) {
            Pixels.decode(png).orElseThrow(() -> new IllegalStateException("not a PNG"));
        }
        double floorMs = millisSince(floorStart);

        long uploadStart = System.nanoTime();
        List<String> assetIds = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            JsonNode asset = BenchHttp.expect(201, api.send("POST", "/sellers/me/assets", seller, Map.of("kind", "IMAGE",
                    "contentBase64", Base64.getEncoder().encodeToString(pngs.get(i)), "filename", "work-" + i + ".png",
                    "source", "PORTFOLIO", "ownWorkConfirmed", true), Map.of())).json();
            assetIds.add(asset.path("assetId").asText());
        }
        double uploadMs = millisSince(uploadStart);

        String modelId = BenchHttp.expect(201, api.send("POST", "/sellers/me/models", seller, Map.of("subcategory", "TATTOO"), Map.of()))
                .json().path("id").asText();
        long assetsStart = System.nanoTime();
        JsonNode checks = BenchHttp.expect(200, api.send("PUT", "/sellers/me/models/" + modelId + "/assets", seller,
                Map.of("assetIds", assetIds), Map.of())).json();
        double assetsMs = millisSince(assetsStart);

        long trainStart = System.nanoTime();
        BenchHttp.expect(202, api.send("POST", "/sellers/me/models/" + modelId + "/train", seller, null, Map.of()));
        JsonNode model = awaitTrained(seller, modelId, trainStart);
        double trainMs = millisSince(trainStart);

        ObjectNode out = Json.object();
        out.put("images", IMAGES);
        out.put("side", SIDE);
        out.put("status", model.path("status").asText());
        out.put("uploadMs", round(uploadMs));
        out.put("setAssetsMs", round(assetsMs));
        out.put("trainMs", round(trainMs));
        out.put("totalMs", round(uploadMs + assetsMs + trainMs));
        out.put("decodeFloorMs", round(floorMs));
        out.put("ratioTotalOverDecodeFloor", round((uploadMs + assetsMs + trainMs) / floorMs));
        out.put("warningsAtSetAssets", checks.path("warnings").size());
        out.set("warningSample", Json.MAPPER.valueToTree(java.util.stream.StreamSupport.stream(checks.path("warnings").spliterator(), false)
                .map(JsonNode::toString).distinct().limit(5).toList()));
        out.put("limitMs", 10_000);
        return out;
    }

    private JsonNode awaitTrained(String seller, String modelId, long since) {
        while (true) {
            JsonNode model = BenchHttp.expect(200, api.get("/sellers/me/models/" + modelId, seller)).json();
            String status = model.path("status").asText();
            if ("READY".equals(status) || "FAILED".equals(status)) {
                return model;
            }
            if (millisSince(since) > TRAINING_LIMIT_MS) {
                throw new IllegalStateException("training not finished after " + TRAINING_LIMIT_MS + " ms: " + model);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
