package app.go.creation.handler;

import app.go.domain.creation.Subcategories;
import app.go.domain.creation.TrainingPipeline;
import app.go.support.log.Log;
import app.go.wiring.lambda.Invocation;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import app.go.adapter.media.JdkMediaInspector;
import app.go.domain.port.StyleDescriber;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The task of every state of the training state machine ({@code training.asl.json}): the input's
 * {@code step} (VALIDATE, TRAIN, FINISH, FAIL) picks the pipeline step. Exceptions propagate, so
 * Step Functions sees their class name as the error and its Catch sends the run to FAIL.
 */
public final class TrainModelHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.get(TrainModelHandler.class);

    private final TrainingPipeline pipeline;

    public TrainModelHandler() {
        this(Adapters.fromEnvironment());
    }

    public TrainModelHandler(Adapters adapters) {
        this(new TrainingPipeline(
                adapters.creations(),
                adapters.sellers(),
                adapters.blobStore(), Subcategories.standard(), new JdkMediaInspector(),
                (image, measured) -> adapters.textDetector().detect(image, measured), StyleDescriber.MEASURED,
                adapters.clock()));
    }

    public TrainModelHandler(TrainingPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Invocation.begin(context);
        String step = required(input, "step").toUpperCase(Locale.ROOT);
        String sellerId = required(input, "sellerId");
        String modelId = required(input, "modelId");
        String trainingId = required(input, "trainingId");
        Log.put("step", step);
        Log.put("modelId", modelId);
        Log.put("trainingId", trainingId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("step", step);
        try {
            switch (step) {
                case "VALIDATE" -> result.put("warnings", pipeline.validate(sellerId, modelId, trainingId));
                case "TRAIN" -> result.put("artifactKey", pipeline.train(sellerId, modelId, trainingId));
                case "FINISH" -> result.put("status", pipeline.finish(sellerId, modelId, trainingId).status().name());
                case "FAIL" -> {
                    var model = pipeline.fail(sellerId, modelId, trainingId, input.get("error"));
                    result.put("status", model == null ? null : model.status().name());
                }
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        } catch (RuntimeException e) {
            LOG.error("training step failed", e);
            throw e;
        }
        LOG.info("training step done");
        return result;
    }

    private static String required(Map<String, Object> input, String field) {
        Object value = input == null ? null : input.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.toString();
    }
}
