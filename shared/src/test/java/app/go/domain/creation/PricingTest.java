package app.go.domain.creation;

import app.go.domain.creation.Pricing;
import app.go.support.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PricingTest {

    @Test
    @DisplayName("CM-PRC-2 per unit: 1 logo (+1 revision) costs the unit price, 3 logos three times it")
    void perUnit() {
        Pricing logo = Pricing.perUnit(4_500);
        assertEquals(4_500, logo.priceFor(1));
        assertEquals(13_500, logo.priceFor(3));
        assertEquals(Pricing.Unit.DELIVERABLES, logo.unit());
    }

    @Test
    @DisplayName("CM-PRC-2 100 translated words (+1 revision), each further started 100 words +x")
    void wordIncrements() {
        Pricing words = Pricing.basePlusIncrement(1_000, 100, 300, 100, Pricing.Unit.WORDS);
        assertEquals(1_000, words.priceFor(1));
        assertEquals(1_000, words.priceFor(100));
        assertEquals(1_300, words.priceFor(101));
        assertEquals(1_300, words.priceFor(200));
        assertEquals(1_600, words.priceFor(201));
        assertEquals(1_000 + 9 * 300, words.priceFor(1_000));
    }

    @Test
    @DisplayName("CM-PRC-2 30 s of audio (+1 revision), each further started 10 s +x")
    void secondIncrements() {
        Pricing audio = Pricing.basePlusIncrement(2_000, 30, 500, 10, Pricing.Unit.SECONDS);
        assertEquals(2_000, audio.priceFor(30));
        assertEquals(2_500, audio.priceFor(31));
        assertEquals(2_500, audio.priceFor(40));
        assertEquals(3_000, audio.priceFor(41));
        assertEquals(2_000 + 3 * 500, audio.priceFor(60));
    }

    @Test
    @DisplayName("CM-PRC-1 the seller sets the price in whole cents: zero, negative or oversized amounts and units are bad input")
    void validation() {
        assertThrows(DomainException.class, () -> Pricing.perUnit(0));
        assertThrows(DomainException.class, () -> Pricing.perUnit(Pricing.MAX_CENTS + 1));
        assertThrows(DomainException.class, () -> Pricing.basePlusIncrement(1_000, 0, 300, 100, Pricing.Unit.WORDS));
        assertThrows(DomainException.class, () -> Pricing.basePlusIncrement(1_000, 100, 300, 0, Pricing.Unit.WORDS));
        assertThrows(DomainException.class, () -> Pricing.basePlusIncrement(1_000, 100, -1, 100, Pricing.Unit.WORDS));
        assertThrows(DomainException.class, () -> Pricing.basePlusIncrement(1_000, 100, 300, 100, Pricing.Unit.DELIVERABLES));
        assertThrows(DomainException.class, () -> Pricing.perUnit(100).priceFor(0));
        assertEquals("VALIDATION_FAILED", assertThrows(DomainException.class, () -> Pricing.perUnit(-5)).code());
    }
}
