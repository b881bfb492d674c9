package app.avatarcall.telegram.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The Bot API's HTTP surface: {@code /bot<token>/<method>} (and {@code /bot<token>/test/<method>}). */
@RestController
@Profile("fake-telegram")
class FakeTelegramBotApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("getMe", "getUpdates", "setWebhook", "deleteWebhook",
            "getWebhookInfo", "sendMessage", "editMessageText", "answerCallbackQuery", "setMyCommands",
            "setChatMenuButton");

    private final FakeTelegram telegram;
    private final String token;
    private final String username;

    FakeTelegramBotApi(FakeTelegram telegram, @Value("${telegram.bot-token:}") String token,
                       @Value("${fake-telegram.bot-username:avatar_call_fake_bot}") String username) {
        this.telegram = telegram;
        this.token = token;
        this.username = username;
    }

    @PostMapping(path = {"/bot{token}/{method}", "/bot{token}/test/{method}"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> json(@PathVariable String token, @PathVariable String method,
                                             @RequestBody(required = false) @Nullable Map<String, Object> body)
            throws InterruptedException {
        return call(token, method, body == null ? Map.of() : body);
    }

    /** The same methods called with a query string, a form or multipart (Telegram accepts all of them). */
    @RequestMapping(path = {"/bot{token}/{method}", "/bot{token}/test/{method}"})
    ResponseEntity<Map<String, Object>> form(@PathVariable String token, @PathVariable String method,
                                             @RequestParam MultiValueMap<String, String> form) throws InterruptedException {
        Map<String, Object> params = new LinkedHashMap<>();
        form.forEach((name, values) -> params.put(name, parse(values.getFirst())));
        return call(token, method, params);
    }

    /** Method names are case-insensitive (Telegram's library sends {@code getupdates}); recorded as documented. */
    private static String canonical(String name) {
        return METHODS.stream().filter(m -> m.equalsIgnoreCase(name)).findFirst().orElse(name);
    }

    private static Object parse(String value) {
        if (value.startsWith("{") || value.startsWith("[")) {
            try {
                return JSON.readValue(value, Object.class);
            } catch (RuntimeException notJson) {
                return value;
            }
        }
        return value;
    }

    private ResponseEntity<Map<String, Object>> call(String token, String name, Map<String, Object> params)
            throws InterruptedException {
        if (this.token.isBlank() || !this.token.equals(token)) {
            return error(401, "Unauthorized", null);
        }
        String method = canonical(name);
        telegram.record(method, params);
        FakeTelegram.Failure failure = telegram.nextFailure(method);
        if (failure != null) {
            return error(failure.code(), failure.description(), failure.retryAfter());
        }
        return switch (method) {
            case "getMe" -> ok(Map.of("id", number(token.substring(0, Math.max(0, token.indexOf(':'))), 1), "is_bot", true,
                    "first_name", "Avatar Call", "username", username, "can_join_groups", true,
                    "can_read_all_group_messages", false, "supports_inline_queries", false));
            case "getUpdates" -> getUpdates(params);
            case "setWebhook" -> setWebhook(params);
            case "deleteWebhook" -> {
                telegram.setWebhook(null);
                yield ok(true);
            }
            case "getWebhookInfo" -> ok(Map.of("url", String.valueOf(telegram.webhookUrl() == null ? "" : telegram.webhookUrl()),
                    "has_custom_certificate", false, "pending_update_count", 0));
            case "sendMessage" -> sendMessage(params);
            case "editMessageText" -> editMessageText(params);
            case "answerCallbackQuery" -> params.get("callback_query_id") == null
                    ? error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid", null)
                    : ok(true);
            case "setMyCommands" -> setMyCommands(params);
            case "setChatMenuButton" -> setChatMenuButton(params);
            default -> error(404, "Not Found", null);
        };
    }

    private ResponseEntity<Map<String, Object>> getUpdates(Map<String, Object> params) throws InterruptedException {
        if (telegram.webhookUrl() != null) {
            return error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
                    + "delete the webhook first", null);
        }
        long offset = number(params.get("offset"), 0);
        int limit = (int) number(params.get("limit"), 100);
        // Telegram may answer a long poll early with nothing; the fake does so after 10 s at most, so that the app
        // hosting it shuts down without waiting for its own bot's poll.
        Duration timeout = Duration.ofSeconds(Math.min(number(params.get("timeout"), 0), 10));
        return ok(telegram.takeUpdates(offset, limit, timeout));
    }

    private ResponseEntity<Map<String, Object>> setWebhook(Map<String, Object> params) {
        String url = params.get("url") == null ? "" : params.get("url").toString();
        if (!url.isEmpty() && !url.startsWith("https://")) {
            return error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook", null);
        }
        Object secret = params.get("secret_token");
        if (secret != null && !secret.toString().matches("[A-Za-z0-9_-]{1,256}")) {
            return error(400, "Bad Request: secret token contains unallowed characters", null);
        }
        telegram.setWebhook(url.isEmpty() ? null : url);
        return ok(true);
    }

    private ResponseEntity<Map<String, Object>> sendMessage(Map<String, Object> params) {
        ResponseEntity<Map<String, Object>> refused = refuseMessage(params);
        if (refused != null) {
            return refused;
        }
        long chatId = number(params.get("chat_id"), 0);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", telegram.newMessageId());
        message.put("from", FakeTelegram.botUser());
        message.put("chat", Map.of("id", chatId, "type", chatId > 0 ? "private" : "group"));
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", params.get("text"));
        if (params.get("reply_markup") != null) {
            message.put("reply_markup", params.get("reply_markup"));
        }
        return ok(telegram.keep(chatId, message));
    }

    private ResponseEntity<Map<String, Object>> editMessageText(Map<String, Object> params) {
        ResponseEntity<Map<String, Object>> refused = refuseMessage(params);
        if (refused != null) {
            return refused;
        }
        long chatId = number(params.get("chat_id"), 0);
        Map<String, Object> kept = telegram.message(chatId, (int) number(params.get("message_id"), 0));
        if (kept == null) {
            return error(400, "Bad Request: message to edit not found", null);
        }
        Map<String, Object> edited = new LinkedHashMap<>(kept);
        edited.put("text", params.get("text"));
        edited.put("edit_date", Instant.now().getEpochSecond());
        edited.remove("reply_markup");
        if (params.get("reply_markup") != null) {
            edited.put("reply_markup", params.get("reply_markup"));
        }
        if (edited.get("text").equals(kept.get("text")) && java.util.Objects.equals(edited.get("reply_markup"), kept.get("reply_markup"))) {
            return error(400, "Bad Request: message is not modified: specified new message content and reply markup "
                    + "are exactly the same as a current content and reply markup of the message", null);
        }
        return ok(telegram.keep(chatId, edited));
    }

    /** What Telegram checks before sending or editing a message. */
    private @Nullable ResponseEntity<Map<String, Object>> refuseMessage(Map<String, Object> params) {
        if (params.get("chat_id") == null) {
            return error(400, "Bad Request: chat_id is empty", null);
        }
        long chatId = number(params.get("chat_id"), 0);
        if (telegram.isBlocked(chatId)) {
            return error(403, "Forbidden: bot was blocked by the user", null);
        }
        String text = params.get("text") == null ? "" : params.get("text").toString();
        if (text.isBlank()) {
            return error(400, "Bad Request: message text is empty", null);
        }
        if (text.codePointCount(0, text.length()) > 4096) {
            return error(400, "Bad Request: message is too long", null);
        }
        for (Object url : webAppUrls(params.get("reply_markup"))) {
            if (!url.toString().startsWith("https://")) {
                return error(400, "Bad Request: inline keyboard button Web App URL '" + url + "' is invalid: Only "
                        + "HTTPS links are allowed", null);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> webAppUrls(@Nullable Object markup) {
        if (!(markup instanceof Map<?, ?> m) || !(m.get("inline_keyboard") instanceof List<?> rows)) {
            return List.of();
        }
        return rows.stream().flatMap(row -> ((List<Map<String, Object>>) row).stream())
                .map(button -> button.get("web_app")).filter(Map.class::isInstance)
                .map(webApp -> ((Map<String, Object>) webApp).get("url")).map(String::valueOf).map(Object.class::cast)
                .toList();
    }

    private ResponseEntity<Map<String, Object>> setMyCommands(Map<String, Object> params) {
        if (!(params.get("commands") instanceof List<?> commands) || commands.size() > 100) {
            return error(400, "Bad Request: commands must be a list of at most 100 commands", null);
        }
        for (Object command : commands) {
            Map<?, ?> c = (Map<?, ?>) command;
            if (!String.valueOf(c.get("command")).matches("[a-z0-9_]{1,32}")
                    || String.valueOf(c.get("description")).isBlank()
                    || String.valueOf(c.get("description")).length() > 256) {
                return error(400, "Bad Request: BOT_COMMAND_INVALID", null);
            }
        }
        return ok(true);
    }

    private ResponseEntity<Map<String, Object>> setChatMenuButton(Map<String, Object> params) {
        if (params.get("chat_id") != null && telegram.isBlocked(number(params.get("chat_id"), 0))) {
            return error(403, "Forbidden: bot was blocked by the user", null);
        }
        if (params.get("menu_button") instanceof Map<?, ?> button && "web_app".equals(button.get("type"))
                && (!(button.get("web_app") instanceof Map<?, ?> app)
                || !String.valueOf(app.get("url")).startsWith("https://"))) {
            return error(400, "Bad Request: menu button Web App URL is invalid: Only HTTPS links are allowed", null);
        }
        return ok(true);
    }

    private static long number(@Nullable Object value, long otherwise) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? otherwise : Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static ResponseEntity<Map<String, Object>> ok(Object result) {
        return ResponseEntity.ok(Map.of("ok", true, "result", result));
    }

    static ResponseEntity<Map<String, Object>> error(int code, String description, @Nullable Integer retryAfter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (retryAfter != null) {
            body.put("parameters", Map.of("retry_after", retryAfter));
        }
        return ResponseEntity.status(code).body(body);
    }
}
