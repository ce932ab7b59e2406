package app.go.domain.assistant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyGuardTest {
    private static final Set<Long> PACKAGES = Set.of(5000L, 150000L);

    @Test
    @DisplayName("PA-KB-5 only package prices may be named, however they are written")
    void onlyPackagePrices() {
        assertTrue(ReplyGuard.allowed("Basic is $50.00 and Premium $1,500.", PACKAGES));
        assertTrue(ReplyGuard.allowed("Basic costs 50 USD.", PACKAGES));
        assertFalse(ReplyGuard.allowed("For you: $45.", PACKAGES));
        assertFalse(ReplyGuard.allowed("Das kostet 45 €.", PACKAGES));
        assertFalse(ReplyGuard.allowed("Only €49.99 today.", PACKAGES));
    }

    @Test
    @DisplayName("PA-FAQ-3 offers and discounts are taken out, in several languages; the rest of the reply stays")
    void offersAreRemoved() {
        assertEquals("Hi! What is your deadline?", ReplyGuard.clean(
                "Hi! I can offer you 20% off. What is your deadline?", PACKAGES, "en"));
        assertFalse(ReplyGuard.allowed("Te hago un descuento especial.", PACKAGES));
        assertFalse(ReplyGuard.allowed("Ich mache Ihnen ein individuelles Angebot.", PACKAGES));
        assertFalse(ReplyGuard.allowed("Je vous fais une remise.", PACKAGES));
        assertEquals(ReplyGuard.FALLBACK.get("de"), ReplyGuard.clean("20% Rabatt für Sie!", PACKAGES, "de"));
    }

    @Test
    @DisplayName("PA-KB-5 a price too large for any package (more digits than a long holds) is taken out, not a crash")
    void hugePriceIsRemovedWithoutFailing() {
        assertFalse(ReplyGuard.allowed("It is $99999999999999999999 for you.", PACKAGES));
        assertFalse(ReplyGuard.allowed("Only 1,000,000,000,000,000,000,000 USD.", PACKAGES));
        assertEquals("What is your deadline?", ReplyGuard.clean(
                "It is $99999999999999999999.99 for you. What is your deadline?", PACKAGES, "en"));
    }
}
