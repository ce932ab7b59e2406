package app.go.domain.creation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static app.go.domain.creation.GenerationFixture.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 9 (work never hangs): every PENDING generation has an owner that finishes it or fails it with a reason. */
class GenerationOwnershipTest {
    private final GenerationFixture f = new GenerationFixture();

    @Test
    @DisplayName("Issue 9: 10 parallel revisions of one order leave one revision PENDING (queued) and the others FAILED with a reason, no orphan")
    void parallelRevisionsLeaveNoOrphans() throws Exception {
        CreationOrder order = f.boughtAndApproved(CLIENT, "a castle");
        f.service.download(CLIENT, order.id());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String text = "more towers " + i;
            calls.add(pool.submit(() -> {
                start.await();
                return f.service.requestRevision(CLIENT, order.id(), text);
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<?> call : calls) {
            try {
                call.get(10, TimeUnit.SECONDS);
                won++;
            } catch (java.util.concurrent.ExecutionException refused) {
                // ORDER_CHANGED or REVISION_ALREADY_USED
            }
        }
        pool.shutdown();

        List<Generation> revisions = f.store.allGenerations().stream().filter(Generation::isRevision).toList();
        assertEquals(1, won);
        assertEquals(1, revisions.stream().filter(g -> g.status() == GenerationStatus.PENDING).count());
        assertEquals(1, f.queue.sent().size(), "only the winner is queued");
        revisions.stream().filter(g -> g.status() != GenerationStatus.PENDING).forEach(g -> {
            assertEquals(GenerationStatus.FAILED, g.status());
            assertEquals("another revision of this order was asked for first", g.failureReason());
        });
    }

    @Test
    @DisplayName("Issue 9: a generation whose worker died stays PENDING at most an hour; then it reads FAILED with a reason")
    void staleGenerationFails() {
        Generation pending = f.service.request(CLIENT, f.model.id(), "a fox", 1);
        f.queue.drain(); // the message is lost with its worker
        f.clock.advance(Duration.ofMinutes(59));
        assertEquals(GenerationStatus.PENDING, f.service.generation(CLIENT, pending.id()).status());
        f.clock.advance(Duration.ofMinutes(2));
        Generation failed = f.service.generation(CLIENT, pending.id());
        assertEquals(GenerationStatus.FAILED, failed.status());
        assertEquals(Generation.TIMED_OUT, failed.failureReason());
    }
}
