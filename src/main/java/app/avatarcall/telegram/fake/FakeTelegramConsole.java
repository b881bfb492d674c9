package app.avatarcall.telegram.fake;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For trying the bot by hand against the fake: be a person who writes to it, and see what it sent.
 * {@code curl -d '/start max' localhost:8080/fake-telegram/users/42/messages}, then
 * {@code curl localhost:8080/fake-telegram/requests}.
 */
@RestController
@Profile("fake-telegram")
class FakeTelegramConsole {

    private final FakeTelegram telegram;

    FakeTelegramConsole(FakeTelegram telegram) {
        this.telegram = telegram;
    }

    @PostMapping("/fake-telegram/users/{id}/messages")
    ResponseEntity<Map<String, Object>> send(@PathVariable long id, @RequestBody String text,
                                             @RequestParam(defaultValue = "Alex") String name,
                                             @RequestParam(defaultValue = "en") String language) {
        return ResponseEntity.ok(Map.of("update_id", telegram.userSends(id, name, language, text)));
    }

    @GetMapping("/fake-telegram/requests")
    List<FakeTelegram.Request> requests() {
        return telegram.requests().stream().filter(r -> !r.method().equals("getUpdates")).toList();
    }
}
