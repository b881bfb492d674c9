package app.avatarcall.telegram.schedule;

import app.avatarcall.conversation.ChatMode;
import app.avatarcall.telegram.OnBot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' REST endpoint for calls the bot places, until the admin console has its own screens. Off unless
 * {@code TELEGRAM_SCHEDULE_API_TOKEN} is set; every request carries it as {@code Authorization: Bearer <token>}.
 * <pre>
 * POST   /telegram/schedules        {"telegramUserId":42,"avatarId":"max","mode":"REPEAT","opening":"…",
 *                                    "at":"2026-12-01T09:00","zone":"Europe/Moscow","recurrence":"DAILY"}
 * GET    /telegram/schedules[?telegramUserId=42]
 * DELETE /telegram/schedules/{id}
 * </pre>
 * A call that cannot be placed is answered 400 with {@code reason} and {@code message}.
 */
@RestController
@OnBot
@RequestMapping("/telegram/schedules")
class ScheduleController {

    /** What an operator sends; {@code zone}, {@code mode}, {@code opening} and {@code recurrence} may be left out. */
    record ScheduleRequest(@Nullable Long telegramUserId, @Nullable String avatarId, @Nullable ChatMode mode,
                           @Nullable String opening, @Nullable LocalDateTime at, @Nullable ZoneId zone,
                           @Nullable Recurrence recurrence) {
    }

    private final ScheduledCalls calls;
    private final ScheduleProperties properties;

    ScheduleController(ScheduledCalls calls, ScheduleProperties properties) {
        this.calls = calls;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<?> schedule(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
                               @RequestBody ScheduleRequest request) {
        ResponseEntity<?> refused = refuse(auth);
        if (refused != null) {
            return refused;
        }
        if (request.telegramUserId() == null || request.avatarId() == null || request.at() == null) {
            return ResponseEntity.badRequest().body(Map.of("reason", "MISSING",
                    "message", "telegramUserId, avatarId and at are required"));
        }
        try {
            CallSchedule schedule = calls.schedule(new CallPlan(request.telegramUserId(), request.avatarId(),
                    request.mode() == null ? ChatMode.TALK : request.mode(),
                    request.opening() == null ? "" : request.opening(), request.at(), request.zone(),
                    request.recurrence() == null ? Recurrence.ONCE : request.recurrence()));
            return ResponseEntity.status(HttpStatus.CREATED).body(schedule);
        } catch (ScheduleRefused e) {
            return ResponseEntity.badRequest().body(Map.of("reason", e.reason().name(), "message", e.getMessage()));
        }
    }

    @GetMapping
    ResponseEntity<?> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
                           @RequestParam(required = false) @Nullable Long telegramUserId) {
        ResponseEntity<?> refused = refuse(auth);
        if (refused != null) {
            return refused;
        }
        List<CallSchedule> schedules = telegramUserId == null ? calls.upcoming(100) : calls.of(telegramUserId);
        return ResponseEntity.ok(schedules);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> cancel(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
                             @PathVariable UUID id) {
        ResponseEntity<?> refused = refuse(auth);
        if (refused != null) {
            return refused;
        }
        return calls.cancel(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    private @Nullable ResponseEntity<?> refuse(@Nullable String auth) {
        String token = properties.apiToken();
        if (token == null || token.isBlank()) {
            return ResponseEntity.notFound().build();
        }
        byte[] expected = ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
        if (auth == null || !MessageDigest.isEqual(expected, auth.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return null;
    }
}
