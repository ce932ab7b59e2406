package app.go.domain.seller;

/** What the marketplace knows about a buyer in relation to one seller. */
public record ClientRecord(String clientId, ClientType clientType, boolean hasOrdered) {

    public enum ClientType { STANDARD, PRO, BUSINESS }

    public static ClientRecord unknown(String clientId) {
        return new ClientRecord(clientId, ClientType.STANDARD, false);
    }
}
