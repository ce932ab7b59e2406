package app.go.adapter.aws.bedrock;

import app.go.domain.creation.StyleProfile;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Amazon Nova Canvas's InvokeModel body: IMAGE_VARIATION conditioned on the model's reference
 * images when it has some (TEXT_IMAGE otherwise), the prompt with the style description, a seed
 * and the size; and the response's images.
 */
final class NovaCanvasRequests {
    static final int MAX_TEXT = 1_024;
    static final int MAX_IMAGES_PER_REQUEST = 5;
    static final int MAX_SEED = 858_993_459;
    static final int MIN_SIDE = 320;
    static final int MAX_SIDE = 1_024;
    static final double SIMILARITY = 0.7;
    static final String NEGATIVE = "watermark, signature, text, letters, blurry, low quality, distorted";

    private NovaCanvasRequests() {}

    record Size(int width, int height) {
        /** Long side {@value #MAX_SIDE}, the profile's aspect, both sides multiples of 16 and at least {@value #MIN_SIDE}. */
        static Size forAspect(double aspect) {
            double a = Math.max(0.5, Math.min(2.0, aspect));
            int w = a >= 1 ? MAX_SIDE : (int) (MAX_SIDE * a);
            int h = a >= 1 ? (int) (MAX_SIDE / a) : MAX_SIDE;
            return new Size(fit(w), fit(h));
        }

        private static int fit(int side) {
            return Math.max(MIN_SIDE, Math.min(MAX_SIDE, side / 16 * 16));
        }
    }

    /** The text: what to make, then the learned style, cut to the model's limit. */
    static String text(String prompt, StyleProfile profile) {
        String style = profile.description().isBlank() ? "" : ". Style: " + profile.description();
        String text = prompt.strip() + style;
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    static String body(String prompt, StyleProfile profile, List<byte[]> references, Size size, int images, long seed) {
        if (images < 1 || images > MAX_IMAGES_PER_REQUEST) {
            throw new IllegalArgumentException("Nova Canvas makes 1.." + MAX_IMAGES_PER_REQUEST + " images per request");
        }
        ObjectNode body = Json.object();
        if (references.isEmpty()) {
            body.put("taskType", "TEXT_IMAGE");
            ObjectNode params = body.putObject("textToImageParams");
            params.put("text", text(prompt, profile));
            params.put("negativeText", NEGATIVE);
        } else {
            body.put("taskType", "IMAGE_VARIATION");
            ObjectNode params = body.putObject("imageVariationParams");
            params.put("text", text(prompt, profile));
            params.put("negativeText", NEGATIVE);
            ArrayNode list = params.putArray("images");
            references.stream().limit(MAX_IMAGES_PER_REQUEST).forEach(r -> list.add(Base64.getEncoder().encodeToString(r)));
            params.put("similarityStrength", SIMILARITY);
        }
        ObjectNode config = body.putObject("imageGenerationConfig");
        config.put("numberOfImages", images);
        config.put("width", size.width());
        config.put("height", size.height());
        config.put("cfgScale", 6.5);
        config.put("seed", Math.floorMod(seed, MAX_SEED + 1L));
        config.put("quality", "standard");
        return Json.write(body);
    }

    /** The images of a response; an {@code error} in it (some images filtered) with no image is a refusal. */
    static List<byte[]> images(String response) {
        JsonNode node = Json.parse(response);
        List<byte[]> images = new ArrayList<>();
        for (JsonNode image : node.path("images")) {
            images.add(Base64.getDecoder().decode(image.asText()));
        }
        return images;
    }

    static String error(String response) {
        JsonNode error = Json.parse(response).path("error");
        return error.isMissingNode() || error.isNull() ? null : error.asText();
    }
}
