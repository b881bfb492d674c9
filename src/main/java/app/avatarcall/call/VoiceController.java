package app.avatarcall.call;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the page's {@code voice-input} posts each utterance it recorded (the body is the WAV file itself). Only the
 * call's own page knows the secret in the address. Answers {@code {"text"}} when the words went into the chat, or
 * {@code {"error", "message"}} with a message for the person in the call's language.
 */
@RestController
class VoiceController {

    private final VoiceMessages voice;

    VoiceController(VoiceMessages voice) {
        this.voice = voice;
    }

    @PostMapping("/voice/calls/{id}/utterances")
    ResponseEntity<Map<String, String>> hear(@PathVariable UUID id, @RequestParam String token,
                                             HttpServletRequest request) throws IOException {
        return switch (voice.hear(id, token, request.getInputStream())) {
            case VoiceMessages.Heard.Sent sent -> ResponseEntity.ok(Map.of("text", sent.text()));
            case VoiceMessages.Heard.Refused refused -> ResponseEntity.status(refused.status())
                    .body(Map.of("error", refused.error(), "message", refused.message()));
        };
    }
}
