package app.go.domain.creation;

import app.go.support.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static app.go.domain.creation.GenerationFixture.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorAvailabilityTest {

    @Test
    @DisplayName("CM-GEN-8 a kind without a configured generator is refused with 503 GENERATOR_NOT_CONFIGURED before anything is queued")
    void unconfiguredKindIsRefused() {
        GenerationFixture fixture = new GenerationFixture();
        GenerationService imagesMissing = new GenerationService(fixture.models, fixture.store, fixture.blobs, fixture.queue,
                fixture.orderPayment, fixture.clock, seller -> true, kind -> kind != MediaKind.IMAGE);

        DomainException e = assertThrows(DomainException.class,
                () -> imagesMissing.request(CLIENT, fixture.model.id(), "a fox", 1));

        assertEquals(503, e.kind().httpStatus());
        assertEquals("GENERATOR_NOT_CONFIGURED", e.code());
        assertTrue(fixture.queue.drain().isEmpty());
        assertTrue(fixture.store.orders(GenerationFixture.SELLER).isEmpty());
    }
}
