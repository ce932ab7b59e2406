package app.go.domain.billing;

import app.go.domain.seller.SellerAccount;
import app.go.domain.port.SellerStore;

/** Seller Plus Premium membership lives on the seller account (ELIG-1); billing switches it. */
final class SellerMembership {
    private SellerMembership() {}

    static void set(SellerStore sellers, String sellerId, boolean member) {
        SellerAccount account = sellers.account(sellerId).orElse(new SellerAccount(sellerId, 0, false, "UTC", false));
        if (account.sellerPlusPremium() != member) {
            sellers.saveAccount(new SellerAccount(sellerId, account.level(), account.pro(), account.timezone(), member));
        }
    }
}
