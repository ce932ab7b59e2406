package app.go.api;

import app.go.domain.billing.EligibilityLoss;
import app.go.domain.port.BillingStore;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.EligibilityChange;
import app.go.domain.seller.SellerAccount;
import app.go.domain.port.SellerStore;
import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static app.go.api.ApiResponses.json;

/** Routes for the marketplace's own services (role {@code platform}). */
final class PlatformRoutes {
    private final SellerStore sellers;
    private final EligibilityChange eligibility;
    private final EligibilityLoss plans;

    PlatformRoutes(SellerStore sellers, BillingStore billing, Clock clock) {
        this.sellers = sellers;
        this.eligibility = new EligibilityChange(sellers, clock);
        this.plans = new EligibilityLoss(billing, sellers, clock);
    }

    void register(Map<String, Route> routes) {
        routes.put("PUT /platform/sellers/{sellerId}", this::putSeller);
        routes.put("PUT /platform/sellers/{sellerId}/clients/{clientId}", this::putClient);
        routes.put("GET /platform/sellers/{sellerId}/auto-replies", this::autoReplies);
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse putSeller(ApiRequest request) {
        request.caller().requireRole(Caller.Role.PLATFORM);
        String sellerId = request.pathId("sellerId");
        Body body = request.body();
        int level = body.integer("level", 0, 3);
        boolean pro = body.bool("pro", false);
        String timezone = body.optText("timezone", 64).orElse("UTC");
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw DomainException.validation("timezone must be an IANA zone id such as Europe/Berlin");
        }
        Optional<SellerAccount> before = sellers.account(sellerId);
        boolean plus = before.map(SellerAccount::sellerPlusPremium).orElse(false);
        SellerAccount account = new SellerAccount(sellerId, level, pro, timezone, plus);
        sellers.saveAccount(account);
        EligibilityChange.Lost lost = eligibility.apply(before, account); // ELIG-3: told once, PA off
        plans.apply(sellerId, lost); // ELIG-3: the plans it may no longer use end, nothing is charged again
        return json(200, Map.of("sellerId", sellerId, "level", level, "pro", pro, "timezone", timezone,
                "eligibleForAssistant", account.eligibleForAssistant(), "eligibleForCreationModel", account.eligibleForCreationModel(),
                "eligibilityLost", lost.features()));
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse putClient(ApiRequest request) {
        request.caller().requireRole(Caller.Role.PLATFORM);
        String sellerId = request.pathId("sellerId");
        String clientId = request.pathId("clientId");
        Body body = request.body();
        ClientRecord client = new ClientRecord(clientId, body.enumValue("clientType", ClientRecord.ClientType.class),
                body.bool("hasOrdered", false));
        sellers.saveClient(sellerId, client);
        return json(200, Map.of("sellerId", sellerId, "clientId", clientId, "clientType", client.clientType(),
                "hasOrdered", client.hasOrdered()));
    }

    /** PA-ACT-3: the marketplace asks before sending the seller's own automatic reply. */
    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse autoReplies(ApiRequest request) {
        request.caller().requireRole(Caller.Role.PLATFORM);
        String sellerId = request.pathId("sellerId");
        var settings = sellers.assistant(sellerId);
        boolean allowed = app.go.domain.assistant.AutoReplyPolicy.sellerAutoRepliesAllowed(settings);
        return json(200, Map.of("sellerId", sellerId, "sellerAutoRepliesAllowed", allowed,
                "assistantState", settings.state().name()));
    }
}
