package app.go.domain.creation;

import app.go.support.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static app.go.domain.creation.GenerationFixture.CLIENT;
import static app.go.domain.creation.GenerationFixture.SELLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationSizeTest {

    @Test
    @DisplayName("CM-GEN-8 a size is each side 320..1024 and a multiple of 16; anything else is 400 INVALID_SIZE naming the rule")
    void sizeRule() {
        new ImageSize(320, 1024);
        new ImageSize(1024, 1024);
        new ImageSize(512, 768);
        for (int[] bad : new int[][]{{304, 512}, {512, 1040}, {500, 512}, {512, 0}, {-16, 512}, {2048, 2048}}) {
            DomainException e = assertThrows(DomainException.class, () -> new ImageSize(bad[0], bad[1]));
            assertEquals(400, e.kind().httpStatus());
            assertEquals(ImageSize.INVALID, e.code());
            assertTrue(e.getMessage().contains("320..1024") && e.getMessage().contains("16"), e.getMessage());
        }
    }

    @Test
    @DisplayName("CM-GEN-8 a size asked of an audio model is 400 SIZE_NOT_SUPPORTED and nothing is stored or queued")
    void sizeOnlyForImages() {
        GenerationFixture fixture = new GenerationFixture();
        Instant now = fixture.clock.instant();
        Model voice = Model.draft("mdl_v", SELLER, "VOICEOVER", now).training("trn_mdl_v", "Voiceover #1", now).ready(now)
                .withPricing(Pricing.perUnit(100), now).withPublished(true, now);
        fixture.models.createModel(voice);
        fixture.blobs.put(TrainingPipeline.profileKey(SELLER, "mdl_v", "trn_mdl_v"),
                "{\"trainingId\":\"trn_mdl_v\"}".getBytes(StandardCharsets.UTF_8), "application/json");
        fixture.models.activateModel(SELLER, "mdl_v", 3);

        DomainException e = assertThrows(DomainException.class,
                () -> fixture.service.request(CLIENT, "mdl_v", "read this", 30, new ImageSize(512, 512)));

        assertEquals(400, e.kind().httpStatus());
        assertEquals(ImageSize.NOT_SUPPORTED, e.code());
        assertTrue(fixture.queue.drain().isEmpty());
        assertTrue(fixture.store.allGenerations().isEmpty());
    }

    @Test
    @DisplayName("CM-GEN-1 CM-GEN-8 the final is exactly the requested size; the watermarked preview keeps preview resolution in the same proportions; the revision keeps the size")
    void finalAtRequestedSize() {
        GenerationFixture fixture = new GenerationFixture();
        Generation generation = fixture.service.request(CLIENT, fixture.model.id(), "a fox", 1, new ImageSize(512, 768));
        fixture.runQueue();

        Generation ready = fixture.store.generation(SELLER, generation.id()).orElseThrow();
        assertEquals(GenerationStatus.READY, ready.status());
        assertEquals(new ImageSize(512, 768), ready.size());
        var clean = Pixels.decode(fixture.blobs.get(ready.finalKey()).orElseThrow()).orElseThrow();
        assertEquals(512, clean.getWidth());
        assertEquals(768, clean.getHeight());
        var preview = Pixels.decode(fixture.blobs.get(ready.previewKey()).orElseThrow()).orElseThrow();
        assertEquals(Previews.PREVIEW_SIDE, preview.getHeight());
        assertEquals(Previews.PREVIEW_SIDE * 2 / 3, preview.getWidth(), 1);

        assertEquals(ready.size(), Generation.revisionOf(ready, "gen_r", "ord_1", "bigger ears", Instant.now()).size());
    }

    @Test
    @DisplayName("CM-GEN-8 without a size the generation keeps the model's aspect with a long side of 1024")
    void noSizeKeepsTheModelsAspect() {
        GenerationFixture fixture = new GenerationFixture();
        Generation generation = fixture.service.request(CLIENT, fixture.model.id(), "a fox", 1);
        fixture.runQueue();

        assertNull(generation.size());
        var clean = Pixels.decode(fixture.blobs.get(generation.finalKey()).orElseThrow()).orElseThrow();
        assertEquals(1024, Math.max(clean.getWidth(), clean.getHeight()));
    }

    @Test
    @DisplayName("CM-GEN-8 the generation read back keeps the size the client asked for while PENDING, once READY and when timed out; none asked, none kept")
    void readBackKeepsTheRequestedSize() {
        GenerationFixture fixture = new GenerationFixture();
        ImageSize asked = new ImageSize(640, 480);
        Generation sized = fixture.service.request(CLIENT, fixture.model.id(), "a wide castle", 1, asked);
        Generation plain = fixture.service.request(CLIENT, fixture.model.id(), "a castle", 1);
        assertEquals(asked, fixture.service.generation(CLIENT, sized.id()).size());

        fixture.runQueue();
        assertEquals(GenerationStatus.READY, fixture.service.generation(CLIENT, sized.id()).status());
        assertEquals(asked, fixture.service.generation(CLIENT, sized.id()).size());
        assertNull(fixture.service.generation(CLIENT, plain.id()).size());

        Generation late = fixture.service.request(CLIENT, fixture.model.id(), "a tall castle", 1, new ImageSize(480, 640));
        fixture.clock.advance(Generation.STALE_AFTER.plusSeconds(1));
        Generation timedOut = fixture.service.generation(CLIENT, late.id());
        assertEquals(GenerationStatus.FAILED, timedOut.status());
        assertEquals(new ImageSize(480, 640), timedOut.size());
    }
}
