package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs Map iterations or Parallel branches on a bounded number of workers, keeping results in
 * input order. The first failure cancels the rest and is rethrown.
 */
final class ConcurrentRuns {

    interface IndexedRun {
        JsonNode run(int index) throws InterruptedException;
    }

    private ConcurrentRuns() {
    }

    static List<JsonNode> runAll(ExecutorService pool, int count, int maxConcurrency, IndexedRun run)
            throws InterruptedException {
        JsonNode[] results = new JsonNode[count];
        if (maxConcurrency == 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                results[i] = run.run(i);
            }
            return Arrays.asList(results);
        }
        int workers = Math.min(count, maxConcurrency <= 0 ? count : maxConcurrency);
        AtomicInteger nextIndex = new AtomicInteger();
        CompletionService<Void> completion = new ExecutorCompletionService<>(pool);
        List<Future<Void>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                futures.add(completion.submit(() -> {
                    int i;
                    while ((i = nextIndex.getAndIncrement()) < count) {
                        results[i] = run.run(i);
                    }
                    return null;
                }));
            }
            for (int w = 0; w < workers; w++) {
                try {
                    completion.take().get();
                } catch (ExecutionException e) {
                    throw rethrowable(e.getCause());
                }
            }
        } finally {
            futures.forEach(future -> future.cancel(true));
        }
        return Arrays.asList(results);
    }

    private static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return StatesFailure.runtime("Unexpected failure: " + cause);
    }
}
