package app.go.domain.conversation;

/** The queue message telling the assistant that a client wrote: ids only, the text stays in the table. */
public record InboundMessage(String sellerId, String conversationId, String messageId) {

    /** The business key of the assistant's answer to this message. */
    public String replyKey() {
        return "reply#" + sellerId + "#" + conversationId + "#" + messageId;
    }
}
