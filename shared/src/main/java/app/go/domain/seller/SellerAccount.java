package app.go.domain.seller;

import java.time.ZoneId;

/** What the marketplace tells us about a seller (PUT /platform/sellers/{id}). */
public record SellerAccount(String sellerId, int level, boolean pro, String timezone, boolean sellerPlusPremium) {

    /** ELIG-1: PA is for level 2 and above, and for Seller Plus Premium members. */
    public boolean eligibleForAssistant() {
        return level >= 2 || sellerPlusPremium;
    }

    /** ELIG-2: CM is for level 2 and above, and for Pro sellers. */
    public boolean eligibleForCreationModel() {
        return level >= 2 || pro;
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
