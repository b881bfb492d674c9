package app.avatarcall.conversation.llm.fake;

import app.avatarcall.conversation.Tokens;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OpenAI's {@code POST /v1/chat/completions}, in-process, streamed or not. */
@RestController
@Profile("fake-llm")
@RequestMapping("/fake-llm/v1")
class FakeLlmController {

    private final FakeLlmProperties properties;
    private final FakeLlm fake;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private long windowMinute;
    private int windowRequests;

    FakeLlmController(FakeLlmProperties properties, FakeLlm fake, Clock clock) {
        this.properties = properties;
        this.fake = fake;
        this.clock = clock;
    }

    /** OpenAI's {@code GET /v1/models}: the models this fake answers as, in OpenAI's list shape. */
    @GetMapping("/models")
    ResponseEntity<Map<String, Object>> models(@RequestHeader(name = "Authorization", required = false) @Nullable String auth) {
        if (auth == null || !auth.equals("Bearer " + properties.apiKey())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", Map.of(
                    "message", "Incorrect API key provided.", "type", "invalid_request_error", "code", "invalid_api_key")));
        }
        long created = clock.instant().getEpochSecond();
        return ResponseEntity.ok(Map.of("object", "list", "data", properties.models().stream()
                .map(id -> Map.<String, Object>of("id", id, "object", "model", "created", created, "owned_by", "avatar-call"))
                .toList()));
    }

    @PostMapping("/chat/completions")
    @Nullable ResponseEntity<StreamingResponseBody> complete(
            @RequestHeader(name = "Authorization", required = false) @Nullable String auth, @RequestBody String raw,
            HttpServletResponse servlet) throws IOException {
        if (auth == null || !auth.equals("Bearer " + properties.apiKey())) {
            return error(HttpStatus.UNAUTHORIZED, "Incorrect API key provided. You can find your API key at "
                    + "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key", null);
        }
        JsonNode request;
        try {
            request = json.readTree(raw);
        } catch (JacksonException e) {
            return error(HttpStatus.BAD_REQUEST, "We could not parse the JSON body of your request.",
                    "invalid_request_error", null, null);
        }
        ResponseEntity<StreamingResponseBody> invalid = invalid(request);
        if (invalid != null) {
            return invalid;
        }
        if (limited()) {
            return error(HttpStatus.TOO_MANY_REQUESTS, "Rate limit reached for requests per minute. Please try again "
                    + "in 20s.", "requests", "rate_limit_exceeded", "20");
        }
        fake.received(request);
        FakeLlm.Script script = fake.next();
        if (script instanceof FakeLlm.Script.Status status) {
            return scripted(status);
        }
        String model = request.path("model").asString();
        String text = textOf(script, request);
        if (request.path("stream").asBoolean(false)) {
            // Written here, on the request's own (virtual) thread, flushing every event: Spring's asynchronous
            // StreamingResponseBody was seen to hold the whole stream back until it ended.
            servlet.setStatus(200);
            servlet.setContentType("text/event-stream;charset=UTF-8");
            servlet.setHeader("Cache-Control", "no-cache");
            servlet.flushBuffer();
            stream(servlet.getOutputStream(), model, text, script, request);
            return null;
        }
        return json(ResponseEntity.ok(), whole(model, text, request));
    }

    /** What OpenAI says to a request it cannot take; null when the request is fine. */
    private @Nullable ResponseEntity<StreamingResponseBody> invalid(JsonNode request) {
        String model = request.path("model").isString() ? request.path("model").asString() : "";
        if (model.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "you must provide a model parameter", "invalid_request_error", null, null);
        }
        if (!properties.models().contains(model)) {
            return error(HttpStatus.NOT_FOUND, "The model `" + model + "` does not exist or you do not have access to it.",
                    "invalid_request_error", "model_not_found", null);
        }
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "[] is too short - 'messages'", "invalid_request_error", null, null);
        }
        for (JsonNode message : messages) {
            if (!List.of("system", "developer", "user", "assistant").contains(message.path("role").asString(""))
                    || !message.path("content").isString()) {
                return error(HttpStatus.BAD_REQUEST, "Invalid value for 'messages': each message needs a role and "
                        + "string content.", "invalid_request_error", null, null);
            }
        }
        return null;
    }

    private synchronized boolean limited() {
        if (properties.requestsPerMinute() <= 0) {
            return false;
        }
        long minute = clock.millis() / 60_000;
        if (minute != windowMinute) {
            windowMinute = minute;
            windowRequests = 0;
        }
        return ++windowRequests > properties.requestsPerMinute();
    }

    private ResponseEntity<StreamingResponseBody> scripted(FakeLlm.Script.Status status) {
        return switch (status.status()) {
            case 401 -> error(HttpStatus.UNAUTHORIZED, "Incorrect API key provided.", "invalid_request_error",
                    "invalid_api_key", null);
            case 429 -> error(HttpStatus.TOO_MANY_REQUESTS, "Rate limit reached for requests per minute.", "requests",
                    "rate_limit_exceeded", status.retryAfter());
            case 503 -> error(HttpStatus.SERVICE_UNAVAILABLE, "The engine is currently overloaded, please try again "
                    + "later.", "server_error", null, status.retryAfter());
            default -> error(HttpStatus.valueOf(status.status()), "The server had an error while processing your "
                    + "request. Sorry about that!", "server_error", null, status.retryAfter());
        };
    }

    private static String textOf(FakeLlm.@Nullable Script script, JsonNode request) {
        return switch (script) {
            case FakeLlm.Script.Reply reply -> reply.text();
            case FakeLlm.Script.BreakAfter broken -> broken.text();
            case FakeLlm.Script.DropAfter dropped -> dropped.text();
            case FakeLlm.Script.StallAfter stalled -> stalled.text();
            case FakeLlm.Script.ErrorEventAfter failing -> failing.text();
            case null, default -> {
                JsonNode messages = request.path("messages");
                String system = messages.get(0).path("role").asString().equals("system")
                        ? messages.get(0).path("content").asString() : "";
                yield FakeReplies.reply(system, messages.get(messages.size() - 1).path("content").asString());
            }
        };
    }

    private void stream(OutputStream out, String model, String text, FakeLlm.@Nullable Script script, JsonNode request)
            throws IOException {
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        List<String> tokens = FakeReplies.tokens(text);
        int limit = request.path("max_tokens").asInt(Integer.MAX_VALUE);
        fake.streaming();
        try {
            pause(fake.firstTokenLatency(properties.firstTokenLatency()));
            send(out, chunk(id, model, Map.of("role", "assistant", "content", ""), null));
            for (int i = 0; i < tokens.size() && i < limit; i++) {
                if (i > 0) {
                    pause(fake.tokenLatency(properties.tokenLatency()));
                }
                if (interrupt(out, script, i)) {
                    return;
                }
                fake.sent();
                send(out, chunk(id, model, Map.of("content", tokens.get(i)), null));
            }
            send(out, chunk(id, model, Map.of(), tokens.size() > limit ? "length" : "stop"));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            fake.abort(); // the client hung up: it cancelled, or gave up waiting
        }
    }

    /** Plays the scripted trouble at token {@code i}; true when the stream is to end here. */
    private boolean interrupt(OutputStream out, FakeLlm.@Nullable Script script, int i) throws IOException {
        switch (script) {
            case FakeLlm.Script.BreakAfter broken when broken.tokens() == i -> {
                out.write("data: {\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion.chu\n\n"
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            }
            case FakeLlm.Script.DropAfter dropped when dropped.tokens() == i -> {
                return true;
            }
            case FakeLlm.Script.ErrorEventAfter failing when failing.tokens() == i -> {
                send(out, Map.of("error", Map.of("message", "Provider returned error", "code", 502)));
                return true;
            }
            case FakeLlm.Script.StallAfter stalled when stalled.tokens() == i -> pause(stalled.pause());
            case null, default -> { }
        }
        return false;
    }

    private Map<String, Object> chunk(String id, String model, Map<String, Object> delta, @Nullable String finish) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finish);
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", clock.instant().getEpochSecond());
        chunk.put("model", model);
        chunk.put("system_fingerprint", null);
        chunk.put("choices", List.of(choice));
        return chunk;
    }

    private void send(OutputStream out, Object event) throws IOException {
        out.write(("data: " + json.writeValueAsString(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Map<String, Object> whole(String model, String text, JsonNode request) {
        List<String> tokens = FakeReplies.tokens(text);
        pause(fake.firstTokenLatency(properties.firstTokenLatency())
                .plus(fake.tokenLatency(properties.tokenLatency()).multipliedBy(Math.max(0, tokens.size() - 1))));
        int prompt = 0;
        for (JsonNode message : request.path("messages")) {
            prompt += Tokens.estimate(message.path("content").asString("")) + Tokens.PER_MESSAGE;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", text);
        message.put("refusal", null);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", "stop");
        Map<String, Object> completion = new LinkedHashMap<>();
        completion.put("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""));
        completion.put("object", "chat.completion");
        completion.put("created", clock.instant().getEpochSecond());
        completion.put("model", model);
        completion.put("choices", List.of(choice));
        completion.put("usage", Map.of("prompt_tokens", prompt, "completion_tokens", tokens.size(),
                "total_tokens", prompt + tokens.size()));
        return completion;
    }

    /** OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
    private ResponseEntity<StreamingResponseBody> error(HttpStatus status, String message, String type, @Nullable String code,
                                           @Nullable String retryAfter) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", null);
        error.put("code", code);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return json(response, Map.of("error", error));
    }

    /** JSON whatever the request's Accept said (a client asking for an event stream still gets its error as JSON). */
    private ResponseEntity<StreamingResponseBody> json(ResponseEntity.BodyBuilder response, Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return response.contentType(MediaType.APPLICATION_JSON).body(out -> out.write(bytes));
    }

    private static void pause(Duration latency) {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
