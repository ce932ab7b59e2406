package app.go.domain.creation;

import app.go.domain.creation.GenerationFixture;

import app.go.domain.creation.GenerationService;
import app.go.support.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GenerationSubscriptionTest {

    @Test
    @DisplayName("BILL-6 after the seller's CM subscription ends, clients can no longer generate with the model")
    void generationStopsWhenTheSubscriptionEnds() {
        GenerationFixture fixture = new GenerationFixture();
        Set<String> subscribed = new HashSet<>(Set.of(GenerationFixture.SELLER));
        GenerationService service = new GenerationService(fixture.models, fixture.store, fixture.blobs, fixture.queue,
                fixture.orderPayment, fixture.clock, subscribed::contains);

        service.request(GenerationFixture.CLIENT, fixture.model.id(), "a fox", 1);
        subscribed.clear();
        DomainException refused = assertThrows(DomainException.class,
                () -> service.request(GenerationFixture.CLIENT, fixture.model.id(), "a fox", 1));
        assertEquals("MODEL_NOT_AVAILABLE", refused.code());
    }
}
