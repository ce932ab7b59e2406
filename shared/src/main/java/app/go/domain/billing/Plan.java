package app.go.domain.billing;

/**
 * What a seller can subscribe to, with its monthly price in integer cents (BILL-10).
 *
 * <p>BILL-1: Personal Assistant $29/month; BILL-2: Creation Model $25/month. The spec gives no
 * price for Seller Plus Premium (it is a marketplace membership that includes PA); until product
 * names one, {@link #SELLER_PLUS_PREMIUM} uses the documented placeholder {@value #SELLER_PLUS_PREMIUM_CENTS} cents.
 */
public enum Plan {
    PERSONAL_ASSISTANT(2_900),
    CREATION_MODEL(2_500),
    SELLER_PLUS_PREMIUM(Plan.SELLER_PLUS_PREMIUM_CENTS);

    /** Placeholder price of Seller Plus Premium: not in the spec (see the class comment). */
    public static final long SELLER_PLUS_PREMIUM_CENTS = 4_900;

    private final long priceCents;

    Plan(long priceCents) {
        this.priceCents = priceCents;
    }

    public long priceCents() {
        return priceCents;
    }
}
