package app.go.api;

import app.go.domain.assistant.AssistantLifecycle;
import app.go.domain.assistant.AssistantSettingsService;
import app.go.domain.assistant.AssistantTrial;
import app.go.domain.assistant.NameRules;
import app.go.domain.conversation.ConversationService;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.Availability;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.HandoffSettings;
import app.go.domain.seller.Presence;
import app.go.domain.port.SellerStore;
import app.go.support.errors.DomainException;
import app.go.domain.port.IdempotencyStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static app.go.api.ApiResponses.json;

/**
 * The seller's Personal Assistant: settings (desktop), on/off (mobile), presence, and trying it
 * before activation ({@code /sellers/me/assistant...}, {@code /sellers/me/presence}).
 */
final class AssistantRoutes {
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private final SellerStore sellers;
    private final AssistantLifecycle lifecycle;
    private final AssistantSettingsService settings;
    private final AssistantTrial trial;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    AssistantRoutes(SellerStore sellers, AssistantLifecycle lifecycle, AssistantSettingsService settings,
                    AssistantTrial trial, IdempotencyStore idempotency, Clock clock) {
        this.sellers = sellers;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.trial = trial;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    void register(Map<String, Route> routes) {
        routes.put("GET /sellers/me/assistant", this::get);
        routes.put("PUT /sellers/me/assistant", this::put);
        routes.put("POST /sellers/me/assistant/activate", r -> stateChange(r, lifecycle::activate));
        routes.put("POST /sellers/me/assistant/pause", r -> stateChange(r, lifecycle::pause));
        routes.put("POST /sellers/me/assistant/resume", r -> stateChange(r, lifecycle::resume));
        routes.put("POST /sellers/me/assistant/deactivate", this::deactivate);
        routes.put("POST /sellers/me/assistant/try", new IdempotentRoute(this::tryOut, idempotency));
        routes.put("PUT /sellers/me/presence", this::putPresence);
    }

    private static String platform(ApiRequest request) {
        return request.clientPlatform();
    }

    private interface StateChange {
        AssistantSettings apply(String sellerId, String clientPlatform);
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        return json(200, view(request.sellerId()));
    }

    private APIGatewayV2HTTPResponse stateChange(ApiRequest request, StateChange change) {
        String sellerId = request.sellerId();
        change.apply(sellerId, platform(request));
        return json(200, view(sellerId));
    }

    private APIGatewayV2HTTPResponse deactivate(ApiRequest request) {
        String sellerId = request.sellerId();
        AssistantLifecycle.Deactivated deactivated = lifecycle.deactivate(sellerId, platform(request));
        Map<String, Object> view = view(sellerId);
        view.put("movedToSeller", deactivated.movedToSeller());
        return json(200, view);
    }

    /** PA-ACT-7: a desktop action; fields left out keep their value, the avatar and state are not settable. */
    private APIGatewayV2HTTPResponse put(ApiRequest request) {
        String sellerId = request.sellerId();
        String platform = platform(request);
        AssistantLifecycle.requireDesktop(platform);
        Body body = request.body();
        AssistantSettings current = sellers.assistant(sellerId);
        AssistantSettingsService.Change change = new AssistantSettingsService.Change(
                body.optText("name", NameRules.MAX_LENGTH).orElse(null),
                availability(body.raw().get("availability")),
                excludedClientTypes(body.raw().get("excludedClientTypes")),
                handoff(body.raw().get("handoff"), current.handoff()));
        settings.update(sellerId, platform, change);
        return json(200, view(sellerId));
    }

    private APIGatewayV2HTTPResponse putPresence(ApiRequest request) {
        String sellerId = request.sellerId();
        Body body = request.body();
        Presence current = sellers.presence(sellerId);
        Presence next = new Presence(body.bool("online", current.online()), body.bool("outOfOffice", current.outOfOffice()),
                clock.instant());
        sellers.savePresence(sellerId, next);
        return json(200, next);
    }

    /** PA-ACT-7: trying the assistant is part of setting it up, so a desktop action. */
    private APIGatewayV2HTTPResponse tryOut(ApiRequest request) {
        AssistantLifecycle.refuseMobile(platform(request));
        String sellerId = request.sellerId();
        String text = request.body().text("text", ConversationService.MAX_TEXT_LENGTH);
        AssistantTrial.Reply reply = trial.tryOut(sellerId, text);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reply", Map.of("text", reply.text(), "language", reply.language()));
        view.put("triesLeft", reply.triesLeft());
        return json(200, view);
    }

    private Map<String, Object> view(String sellerId) {
        return AssistantSettingsView.of(settings, sellerId);
    }

    // ---- reading the settings body: every failure is a 400 naming the field ------------------------

    private static Availability availability(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw DomainException.validation("availability must be an object {\"mode\", \"schedule\"}");
        }
        Availability.Mode mode = new Body(node, "availability.").enumValue("mode", Availability.Mode.class);
        Map<DayOfWeek, Availability.TimeWindow> schedule = schedule(node.get("schedule"));
        if (mode == Availability.Mode.SCHEDULE && schedule.isEmpty()) {
            throw DomainException.validation("availability.schedule must name at least one day when mode is SCHEDULE");
        }
        return new Availability(mode, schedule);
    }

    /** PA-AV-3: chosen days, exactly one window each, {@code from} before {@code to}. */
    private static Map<DayOfWeek, Availability.TimeWindow> schedule(JsonNode node) {
        Map<DayOfWeek, Availability.TimeWindow> days = new EnumMap<>(DayOfWeek.class);
        if (node == null || node.isNull()) {
            return days;
        }
        if (!node.isObject()) {
            throw DomainException.validation("availability.schedule must be an object by day, e.g. {\"MONDAY\": {\"from\": \"09:00\", \"to\": \"17:00\"}}");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = "availability.schedule." + field.getKey();
            DayOfWeek day = day(field.getKey(), path);
            JsonNode window = field.getValue();
            if (window.isArray()) {
                if (window.size() != 1) {
                    throw DomainException.validation(path + " must be exactly one time window per day");
                }
                window = window.get(0);
            }
            if (!window.isObject()) {
                throw DomainException.validation(path + " must be a time window {\"from\": \"HH:mm\", \"to\": \"HH:mm\"}");
            }
            if (days.containsKey(day)) {
                throw DomainException.validation(path + " must be exactly one time window per day");
            }
            Body times = new Body(window, path + ".");
            LocalTime from = time(times, "from", path);
            LocalTime to = time(times, "to", path);
            if (!from.isBefore(to)) {
                throw DomainException.validation(path + ".from must be before " + path + ".to");
            }
            days.put(day, new Availability.TimeWindow(from, to));
        }
        return days;
    }

    private static DayOfWeek day(String name, String path) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.validation(path + " is not a day of the week (one of " + Arrays.toString(DayOfWeek.values()) + ")");
        }
    }

    private static LocalTime time(Body body, String field, String path) {
        String text = body.text(field, 5);
        if (!HH_MM.matcher(text).matches()) {
            throw DomainException.validation(path + "." + field + " must be a time HH:mm, e.g. 09:00");
        }
        return LocalTime.parse(text);
    }

    /** PA-AV-4: absent keeps the current list, {@code []} clears it. */
    private static Set<ClientRecord.ClientType> excludedClientTypes(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw DomainException.validation("excludedClientTypes must be a list of " + List.of(ClientRecord.ClientType.values()));
        }
        Set<ClientRecord.ClientType> types = EnumSet.noneOf(ClientRecord.ClientType.class);
        for (int i = 0; i < node.size(); i++) {
            String value = node.get(i).isTextual() ? node.get(i).asText().strip().toUpperCase(Locale.ROOT) : "";
            try {
                types.add(ClientRecord.ClientType.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw DomainException.validation("excludedClientTypes[" + i + "] must be one of " + List.of(ClientRecord.ClientType.values()));
            }
        }
        return types;
    }

    /** PA-BEH-3: fields left out keep their value. */
    private static HandoffSettings handoff(JsonNode node, HandoffSettings current) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw DomainException.validation("handoff must be an object {\"onCustomOffer\", \"onComplexRequest\", \"followUpAfterMinutes\"}");
        }
        Body body = new Body(node, "handoff.");
        int followUp = node.hasNonNull("followUpAfterMinutes")
                ? body.integer("followUpAfterMinutes", HandoffSettings.MIN_FOLLOW_UP_MINUTES, HandoffSettings.MAX_FOLLOW_UP_MINUTES)
                : current.followUpAfterMinutes();
        return new HandoffSettings(body.bool("onCustomOffer", current.onCustomOffer()),
                body.bool("onComplexRequest", current.onComplexRequest()), followUp,
                minutes(node, body, "unansweredFollowUpMinutes", current.unansweredFollowUpMinutes()),
                minutes(node, body, "notForwardedFollowUpMinutes", current.notForwardedFollowUpMinutes()));
    }

    /** PA-BEH-6: a follow-up's wait in minutes; left out, it keeps its value. */
    private static int minutes(JsonNode node, Body body, String field, int current) {
        return node.hasNonNull(field)
                ? body.integer(field, HandoffSettings.MIN_FOLLOW_UP_MINUTES, HandoffSettings.MAX_FOLLOW_UP_MINUTES) : current;
    }
}
