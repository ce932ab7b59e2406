package app.go.domain.creation;

import app.go.support.errors.DomainException;

/**
 * The price of one generation, which includes one revision (CM-PRC-1). Either per deliverable
 * ({@code PER_UNIT}: 1 logo + 1 revision) or a base price covering {@code baseUnits} plus
 * {@code incrementPriceCents} for each started further {@code incrementUnits} (CM-PRC-2: 100 words
 * + each further 100 words; 30 s + each further 10 s). Cents throughout.
 */
public record Pricing(Type type, long unitPriceCents, long basePriceCents, int baseUnits, long incrementPriceCents,
                      int incrementUnits, Unit unit) {

    public enum Type { PER_UNIT, BASE_PLUS_INCREMENT }

    /** What BASE_PLUS_INCREMENT counts; PER_UNIT counts deliverables. */
    public enum Unit { DELIVERABLES, WORDS, SECONDS }

    /** Upper bound of any single amount: $100,000. */
    public static final long MAX_CENTS = 10_000_000L;
    public static final int MAX_UNITS = 1_000_000;

    public Pricing {
        if (type == null) {
            throw DomainException.validation("pricing type must be PER_UNIT or BASE_PLUS_INCREMENT");
        }
        if (type == Type.PER_UNIT) {
            requireCents("unitPriceCents", unitPriceCents, 1);
            basePriceCents = 0;
            baseUnits = 0;
            incrementPriceCents = 0;
            incrementUnits = 0;
            unit = Unit.DELIVERABLES;
        } else {
            unitPriceCents = 0;
            requireCents("basePriceCents", basePriceCents, 1);
            requireCents("incrementPriceCents", incrementPriceCents, 0);
            requireUnits("baseUnits", baseUnits);
            requireUnits("incrementUnits", incrementUnits);
            if (unit != Unit.WORDS && unit != Unit.SECONDS) {
                throw DomainException.validation("unit must be WORDS or SECONDS");
            }
        }
    }

    public static Pricing perUnit(long unitPriceCents) {
        return new Pricing(Type.PER_UNIT, unitPriceCents, 0, 0, 0, 0, Unit.DELIVERABLES);
    }

    public static Pricing basePlusIncrement(long basePriceCents, int baseUnits, long incrementPriceCents, int incrementUnits,
                                            Unit unit) {
        return new Pricing(Type.BASE_PLUS_INCREMENT, 0, basePriceCents, baseUnits, incrementPriceCents, incrementUnits, unit);
    }

    /**
     * The price in cents of a generation of {@code units} (deliverables, words or seconds); the
     * included revision costs nothing extra.
     */
    public long priceFor(int units) {
        if (units < 1 || units > MAX_UNITS) {
            throw DomainException.validation("units must be 1.." + MAX_UNITS);
        }
        if (type == Type.PER_UNIT) {
            return unitPriceCents * units;
        }
        if (units <= baseUnits) {
            return basePriceCents;
        }
        long extra = units - (long) baseUnits;
        long increments = (extra + incrementUnits - 1) / incrementUnits;
        return basePriceCents + increments * incrementPriceCents;
    }

    private static void requireCents(String field, long cents, long min) {
        if (cents < min || cents > MAX_CENTS) {
            throw DomainException.validation(field + " must be " + min + ".." + MAX_CENTS + " cents");
        }
    }

    private static void requireUnits(String field, int units) {
        if (units < 1 || units > MAX_UNITS) {
            throw DomainException.validation(field + " must be 1.." + MAX_UNITS);
        }
    }
}
