package app.avatarcall.call;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the page's {@code navigator.sendBeacon} lands when its tab closes, so the avatar session stops at once even
 * when the page could not say goodbye over the push connection.
 */
@RestController
class BeaconController {

    private final CallService calls;

    BeaconController(CallService calls) {
        this.calls = calls;
    }

    @PostMapping("/beacon/calls/{id}/hang-up")
    ResponseEntity<Void> hangUp(@PathVariable UUID id, @RequestParam String token) {
        return calls.hangUpByBeacon(id, token) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
