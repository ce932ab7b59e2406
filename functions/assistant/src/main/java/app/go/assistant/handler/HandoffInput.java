package app.go.assistant.handler;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The handoff state machine's input, {sellerId, conversationId, messageId, reasons[]}, as Step Functions passes it. */
record HandoffInput(String sellerId, String conversationId, String messageId, List<String> reasons,
                    app.go.domain.seller.FollowUpCase followUpCase) {

    static HandoffInput from(Map<String, Object> input) {
        if (input == null) {
            throw new IllegalArgumentException("the handoff step needs an input");
        }
        return new HandoffInput(required(input, "sellerId"), required(input, "conversationId"),
                required(input, "messageId"), reasons(input.get("reasons")), followUpCase(input.get("followUpCase")));
    }

    /** PA-BEH-6: the handoff workflow names no case; its follow-up is SELLER_NOT_JOINED. */
    private static app.go.domain.seller.FollowUpCase followUpCase(Object value) {
        if (value == null) {
            return app.go.domain.seller.FollowUpCase.SELLER_NOT_JOINED;
        }
        try {
            return app.go.domain.seller.FollowUpCase.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the follow-up step input has an unknown followUpCase " + value);
        }
    }

    private static String required(Map<String, Object> input, String name) {
        Object value = input.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("the handoff step input has no " + name);
        }
        return value.toString();
    }

    private static List<String> reasons(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
