package app.go.api;

import app.go.domain.assistant.AssistantSettingsService;
import app.go.domain.seller.AssistantSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/** The PA settings as GET /sellers/me/assistant shows them; also what a PA subscription returns (BILL-5). */
final class AssistantSettingsView {
    private AssistantSettingsView() {}

    static Map<String, Object> of(AssistantSettingsService settings, String sellerId) {
        AssistantSettingsService.View view = settings.view(sellerId);
        AssistantSettings s = view.settings();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.name());
        Map<String, Object> availability = new LinkedHashMap<>();
        availability.put("mode", s.availability().mode().name());
        Map<String, Object> schedule = new LinkedHashMap<>();
        s.availability().schedule().forEach((day, window) ->
                schedule.put(day.name(), Map.of("from", window.from().toString(), "to", window.to().toString())));
        availability.put("schedule", schedule);
        out.put("availability", availability);
        out.put("excludedClientTypes", s.excludedClientTypes().stream().map(Enum::name).sorted().toList());
        Map<String, Object> handoff = new LinkedHashMap<>();
        handoff.put("onCustomOffer", s.handoff().onCustomOffer());
        handoff.put("onComplexRequest", s.handoff().onComplexRequest());
        handoff.put("onClientAsksForSeller", true);
        handoff.put("followUpAfterMinutes", s.handoff().followUpAfterMinutes());
        handoff.put("unansweredFollowUpMinutes", s.handoff().unansweredFollowUpMinutes());
        handoff.put("notForwardedFollowUpMinutes", s.handoff().notForwardedFollowUpMinutes());
        out.put("handoff", handoff);
        out.put("state", s.state().name());
        out.put("updatedAt", s.updatedAt());
        out.put("updatedFrom", s.updatedFrom());
        out.put("messagesToday", view.messagesToday());
        out.put("dailyLimit", view.dailyLimit());
        return out;
    }
}
