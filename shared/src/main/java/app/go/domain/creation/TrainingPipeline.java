package app.go.domain.creation;

import app.go.domain.port.CreationStore;

import app.go.domain.seller.Notification;
import app.go.domain.port.SellerStore;
import app.go.domain.port.BlobStore;
import app.go.support.json.Json;
import app.go.support.log.BusinessMetric;
import app.go.support.log.Log;
import com.fasterxml.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The steps of the training state machine (CM-TRN-1): VALIDATE, TRAIN, FINISH, FAIL. Each step is
 * idempotent and guarded by the training id, so a retried or stale step changes nothing twice.
 */
public final class TrainingPipeline {
    /** CM-AST-6: 1024x1024 recommended. */
    public static final int MIN_IMAGE_SIDE = 1024;
    public static final int MIN_IMAGES = 10;
    public static final int MAX_IMAGES = 50;
    private static final int MAX_REASON = 500;
    /** CM-MOD-3: spread of mean brightness (0..255) between images beyond which the style looks mixed. */
    static final double MAX_BRIGHTNESS_SPREAD = 110;
    /** CM-MOD-3: ratio between the widest and the narrowest image beyond which the style looks mixed. */
    static final double MAX_ASPECT_SPREAD = 1.6;

    private final CreationStore store;
    private final SellerStore sellers;
    private final BlobStore blobs;
    private final Subcategories subcategories;
    private final Clock clock;

    public TrainingPipeline(CreationStore store, SellerStore sellers, BlobStore blobs, Subcategories subcategories,
                            Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.blobs = blobs;
        this.subcategories = subcategories;
        this.clock = clock;
    }

    public static String profileKey(String sellerId, String modelId, String trainingId) {
        return "sellers/" + sellerId + "/models/" + modelId + "/" + trainingId + "/profile.json";
    }

    /** What one asset looks like to the pipeline. */
    private record Measured(Asset asset, Integer width, Integer height, double[] meanRgb, Double chroma, Double seconds,
                            Integer chars) {}

    // ---- VALIDATE ------------------------------------------------------------------------------

    /**
     * Checks every asset against the subcategory: hard problems (missing or wrong media kind,
     * audio shorter than the subcategory's minimum, CM-AST-2) throw
     * {@link AssetValidationFailedException}; soft ones (CM-AST-3/6) are saved as warnings.
     *
     * @return the warnings
     */
    public List<String> validate(String sellerId, String modelId, String trainingId) {
        Model model = current(sellerId, modelId, trainingId);
        Subcategory subcategory = subcategories.require(model.subcategory());
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Measured> measured = measure(model, problems, warnings);
        for (Measured m : measured) {
            Asset a = m.asset();
            if (a.kind() != subcategory.mediaKind()) {
                problems.add(a.id() + ": " + a.kind() + " asset in a " + subcategory.mediaKind() + " subcategory");
                continue;
            }
            switch (a.kind()) {
                case IMAGE -> {
                    if (m.width() == null) {
                        warnings.add(a.id() + ": image size unknown (format not readable)");
                    } else {
                        if (m.width() < MIN_IMAGE_SIDE || m.height() < MIN_IMAGE_SIDE) {
                            warnings.add(a.id() + ": low resolution " + m.width() + "x" + m.height()
                                    + " (1024x1024 recommended)");
                        }
                        if (!m.width().equals(m.height())) {
                            warnings.add(a.id() + ": not square (" + m.width() + "x" + m.height() + ")");
                        }
                    }
                }
                case AUDIO -> {
                    if (m.seconds() == null) {
                        warnings.add(a.id() + ": length unknown (only WAV length is checked); make sure it is at least "
                                + subcategory.minAudioSeconds() + " s");
                    } else if (m.seconds() < subcategory.minAudioSeconds()) {
                        problems.add(a.id() + ": " + String.format(Locale.ROOT, "%.1f", m.seconds()) + " s of audio, at least "
                                + subcategory.minAudioSeconds() + " s needed");
                    }
                }
                case TEXT -> { }
            }
        }
        if (subcategory.mediaKind() == MediaKind.IMAGE) {
            if (measured.size() < MIN_IMAGES || measured.size() > MAX_IMAGES) {
                warnings.add(measured.size() + " images; 10 to 50 are recommended");
            }
            long colour = measured.stream().filter(m -> m.meanRgb() != null && !greyish(m)).count();
            long grey = measured.stream().filter(m -> m.meanRgb() != null && greyish(m)).count();
            if (colour > 0 && grey > 0) {
                warnings.add("colour and black-and-white images are mixed; train them as separate models");
            }
            warnings.addAll(styleSpread(measured));
        }
        if (subcategory.mediaKind() == MediaKind.AUDIO) {
            long untagged = measured.stream().filter(m -> m.asset().kind() == MediaKind.AUDIO && m.asset().tags().isEmpty()).count();
            if (untagged > 0) {
                warnings.add(untagged + " audio assets have no tags; tag their style, content type and details");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssetValidationFailedException(String.join("; ", problems));
        }
        if (!warnings.equals(model.warnings())) {
            if (!store.replaceModel(model.withWarnings(warnings, clock.instant()), model)) {
                throw new StaleTrainingException("training " + trainingId + " of model " + modelId + " moved on");
            }
        }
        return warnings;
    }

    // ---- TRAIN ---------------------------------------------------------------------------------

    /**
     * The foundation's "training": a deterministic style profile of the assets (mean colour and
     * aspect of images, duration statistics of audio, sizes of text), stored as the trained artefact
     * at {@link #profileKey}. A real Bedrock model-customization job (and polling it from the state
     * machine) is out of scope for the foundation; it would replace this method's body, keeping the
     * artefact key and the step's contract. Same assets, same profile: a retry rewrites the same bytes.
     *
     * @return the artefact's key
     */
    public String train(String sellerId, String modelId, String trainingId) {
        Model model = current(sellerId, modelId, trainingId);
        List<String> problems = new ArrayList<>();
        List<Measured> measured = measure(model, problems, new ArrayList<>());
        if (!problems.isEmpty()) {
            throw new AssetValidationFailedException(String.join("; ", problems));
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("modelId", modelId);
        profile.put("trainingId", trainingId);
        profile.put("subcategory", model.subcategory());
        profile.put("assetCount", measured.size());
        List<Map<String, Object>> assets = new ArrayList<>();
        double[] rgbSum = new double[3];
        int rgbCount = 0;
        double aspectSum = 0;
        List<Double> seconds = new ArrayList<>();
        for (Measured m : measured) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("assetId", m.asset().id());
            one.put("sizeBytes", m.asset().sizeBytes());
            if (m.width() != null) {
                one.put("width", m.width());
                one.put("height", m.height());
                aspectSum += (double) m.width() / m.height();
            }
            if (m.meanRgb() != null) {
                one.put("meanRgb", round(m.meanRgb()));
                for (int i = 0; i < 3; i++) {
                    rgbSum[i] += m.meanRgb()[i];
                }
                rgbCount++;
            }
            if (m.seconds() != null) {
                one.put("seconds", round(m.seconds()));
                seconds.add(m.seconds());
            }
            if (m.chars() != null) {
                one.put("chars", m.chars());
            }
            assets.add(one);
        }
        Map<String, Object> style = new LinkedHashMap<>();
        if (rgbCount > 0) {
            style.put("meanRgb", round(new double[]{rgbSum[0] / rgbCount, rgbSum[1] / rgbCount, rgbSum[2] / rgbCount}));
            style.put("meanAspect", round(aspectSum / rgbCount));
        }
        if (!seconds.isEmpty()) {
            java.util.DoubleSummaryStatistics lengths = seconds.stream()
                    .collect(java.util.stream.Collectors.summarizingDouble(Double::doubleValue));
            style.put("minSeconds", round(lengths.getMin()));
            style.put("maxSeconds", round(lengths.getMax()));
            style.put("meanSeconds", round(lengths.getAverage()));
        }
        profile.put("style", style);
        profile.put("assets", assets);
        String key = profileKey(sellerId, modelId, trainingId);
        blobs.put(key, Json.write(profile).getBytes(StandardCharsets.UTF_8), "application/json");
        return key;
    }

    // ---- FINISH / FAIL -------------------------------------------------------------------------

    /**
     * Marks the model READY, counts the training and tells the seller (TRAINING_DONE). Guarded by
     * the training id and the TRAINING status: a second FINISH counts nothing; it only re-puts the
     * same notification (same id and time), which changes nothing.
     */
    public Model finish(String sellerId, String modelId, String trainingId) {
        Model model = store.model(sellerId, modelId)
                .orElseThrow(() -> new StaleTrainingException("model " + modelId + " not found"));
        Model done;
        if (model.isTraining(trainingId)) {
            done = model.ready(clock.instant());
            if (!store.replaceModel(done, model)) {
                return finish(sellerId, modelId, trainingId);
            }
            Log.count(BusinessMetric.TRAININGS);
        } else if (model.status() == ModelStatus.READY && trainingId.equals(model.trainingId())) {
            done = model;
        } else {
            throw new StaleTrainingException("training " + trainingId + " of model " + modelId + " is not current");
        }
        sellers.addNotification(sellerId, new Notification("training-" + trainingId, "TRAINING_DONE", null, done.updatedAt()));
        return done;
    }

    /**
     * Marks the model FAILED with the reason from the state machine's error ({@code {"Error","Cause"}}).
     * Only the current training can fail the model; anything else is a no-op.
     */
    public Model fail(String sellerId, String modelId, String trainingId, Object error) {
        Model model = store.model(sellerId, modelId).orElse(null);
        if (model == null || !model.isTraining(trainingId)) {
            return model;
        }
        Model failed = model.failed(reason(error), clock.instant());
        if (!store.replaceModel(failed, model)) {
            return store.model(sellerId, modelId).orElse(null);
        }
        sellers.addNotification(sellerId, new Notification("training-" + trainingId, "TRAINING_FAILED", null,
                failed.updatedAt()));
        return failed;
    }

    /** "ErrorName: message" from a Step Functions error, whose Cause may be a Lambda error's JSON. */
    static String reason(Object error) {
        if (error == null) {
            return "training failed";
        }
        JsonNode node = Json.MAPPER.valueToTree(error);
        if (!node.isObject()) {
            return clip(node.asText("training failed"));
        }
        String name = node.path("Error").asText("");
        String cause = node.path("Cause").asText("");
        String message = cause;
        if (cause.startsWith("{")) {
            try {
                JsonNode parsed = Json.parse(cause);
                message = parsed.path("errorMessage").asText(cause);
                if (name.isEmpty()) {
                    name = parsed.path("errorType").asText("");
                }
            } catch (IllegalArgumentException ignored) {
                // not JSON after all: keep the raw cause
            }
        }
        name = name.substring(name.lastIndexOf('.') + 1);
        String text = name.isEmpty() ? message : message.isEmpty() ? name : name + ": " + message;
        return clip(text.isEmpty() ? "training failed" : text);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Model current(String sellerId, String modelId, String trainingId) {
        Model model = store.model(sellerId, modelId)
                .orElseThrow(() -> new StaleTrainingException("model " + modelId + " not found"));
        if (!model.isTraining(trainingId)) {
            throw new StaleTrainingException("training " + trainingId + " of model " + modelId + " is not current");
        }
        return model;
    }

    private List<Measured> measure(Model model, List<String> problems, List<String> warnings) {
        List<Measured> result = new ArrayList<>();
        for (String assetId : model.assetIds()) {
            Asset asset = store.asset(model.sellerId(), assetId).orElse(null);
            if (asset == null) {
                problems.add(assetId + ": asset not found");
                continue;
            }
            byte[] bytes = blobs.get(asset.blobKey()).orElse(null);
            if (bytes == null) {
                problems.add(assetId + ": content not found");
                continue;
            }
            result.add(switch (asset.kind()) {
                case IMAGE -> measureImage(asset, bytes);
                case AUDIO -> new Measured(asset, null, null, null, null, wavSeconds(bytes), null);
                case TEXT -> new Measured(asset, null, null, null, null, null,
                        new String(bytes, StandardCharsets.UTF_8).length());
            });
        }
        return result;
    }

    private static Measured measureImage(Asset asset, byte[] bytes) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            return new Measured(asset, null, null, null, null, null, null);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int step = Math.max(1, Math.max(w, h) / 128);
        double[] sum = new double[3];
        double chroma = 0;
        long n = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                sum[0] += r;
                sum[1] += g;
                sum[2] += b;
                chroma += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                n++;
            }
        }
        return new Measured(asset, w, h, new double[]{sum[0] / n, sum[1] / n, sum[2] / n}, chroma / n, null, null);
    }

    /** The duration in the WAV (or AIFF/AU) header, or null when the format is not one the JDK reads. */
    static Double wavSeconds(byte[] bytes) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(bytes));
            long frames = format.getFrameLength();
            float rate = format.getFormat().getFrameRate();
            if (frames <= 0 || rate <= 0) {
                return null;
            }
            return frames / (double) rate;
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * CM-MOD-3 (one style per model): images whose mean brightness or aspect ratio differ a lot
     * are probably more than one style.
     */
    private static List<String> styleSpread(List<Measured> measured) {
        List<String> warnings = new ArrayList<>();
        List<Measured> images = measured.stream().filter(m -> m.meanRgb() != null && m.width() != null).toList();
        if (images.size() < 2) {
            return warnings;
        }
        double minLuma = Double.MAX_VALUE;
        double maxLuma = 0;
        double minAspect = Double.MAX_VALUE;
        double maxAspect = 0;
        for (Measured m : images) {
            double luma = 0.299 * m.meanRgb()[0] + 0.587 * m.meanRgb()[1] + 0.114 * m.meanRgb()[2];
            double aspect = (double) m.width() / m.height();
            minLuma = Math.min(minLuma, luma);
            maxLuma = Math.max(maxLuma, luma);
            minAspect = Math.min(minAspect, aspect);
            maxAspect = Math.max(maxAspect, aspect);
        }
        if (maxLuma - minLuma > MAX_BRIGHTNESS_SPREAD) {
            warnings.add(String.format(Locale.ROOT, "inconsistent style: mean brightness ranges from %.0f to %.0f of 255;"
                    + " a model should have one style, so train different styles as separate models", minLuma, maxLuma));
        }
        if (maxAspect / minAspect > MAX_ASPECT_SPREAD) {
            warnings.add(String.format(Locale.ROOT, "inconsistent style: aspect ratios range from %.2f to %.2f;"
                    + " a model should have one style, so train different formats as separate models", minAspect, maxAspect));
        }
        return warnings;
    }

    /** Black-and-white: the average pixel has (almost) no difference between its channels. */
    private static boolean greyish(Measured m) {
        return m.chroma() < 10;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double[] round(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = round(values[i]);
        }
        return result;
    }

    private static String clip(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
