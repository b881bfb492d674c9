package app.avatarcall.avatar.livekit;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * LiveKit's webhooks ({@code POST /livekit/webhook}, configured on the LiveKit server). Only a request signed with
 * our API secret over exactly this body is taken; anything else gets 401 and changes nothing.
 */
@RestController
@ConditionalOnProperty("livekit.url")
class LiveKitWebhookController {

    private final LiveKitRooms rooms;

    LiveKitWebhookController(LiveKitRooms rooms) {
        this.rooms = rooms;
    }

    @PostMapping(path = "/livekit/webhook", consumes = {"application/webhook+json", "application/json"})
    ResponseEntity<Void> receive(@RequestBody String body,
                                 @RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
        try {
            rooms.receive(body, authorization);
            return ResponseEntity.ok().build();
        } catch (SecurityException e) {
            return ResponseEntity.status(401).build();
        }
    }
}
