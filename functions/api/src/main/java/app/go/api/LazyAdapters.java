package app.go.api;

import app.go.adapter.aws.sfn.SfnWorkflowStarter;
import app.go.adapter.aws.sqs.SqsMessageQueue;
import app.go.domain.port.BlobStore;
import app.go.domain.port.AssetGenerator;
import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.port.MessageQueue;
import app.go.wiring.Adapters;
import app.go.domain.port.WorkflowStarter;

import java.util.Optional;

/**
 * Adapters the API builds on first use, so a container whose requests never touch them needs no
 * bucket, queue URL or state machine ARN in its environment.
 */
final class LazyAdapters {
    private LazyAdapters() {}

    static BlobStore blobs(Adapters adapters) {
        return new BlobStore() {
            @Override
            public void put(String key, byte[] content, String contentType) {
                adapters.blobStore().put(key, content, contentType);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return adapters.blobStore().get(key);
            }

            @Override
            public void delete(String key) {
                adapters.blobStore().delete(key);
            }
        };
    }

    /** The configured generators, built when the playground first generates (CM-GEN-8). */
    static AssetGenerator generator(Adapters adapters) {
        return new AssetGenerator() {
            @Override
            public GeneratedAsset generate(Model model, byte[] styleProfileJson, String prompt, int units) {
                return adapters.assetGenerator().generate(model, styleProfileJson, prompt, units);
            }

            @Override
            public boolean supports(MediaKind kind) {
                return adapters.assetGenerator().supports(kind);
            }
        };
    }

    /** CM-AST-6: the text and watermark check, its client built when the first image is checked. */
    static app.go.domain.port.TextInImageDetector textDetector(Adapters adapters) {
        return (image, measured) -> adapters.textDetector().detect(image, measured);
    }

    /** @param arnEnvVar the variable holding the state machine's ARN, read when a workflow starts */
    static WorkflowStarter workflow(Adapters adapters, String arnEnvVar) {
        return (name, input) -> new SfnWorkflowStarter(adapters.sfn(), adapters.env().require(arnEnvVar)).start(name, input);
    }

    /** @param urlEnvVar the variable holding the queue URL, read when the first message is sent */
    static MessageQueue queue(Adapters adapters, String urlEnvVar) {
        return (body, groupId, dedupId) -> new SqsMessageQueue(adapters.sqs(), adapters.env().require(urlEnvVar))
                .send(body, groupId, dedupId);
    }
}
