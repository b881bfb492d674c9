package app.avatarcall.telegram.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The fake Bot API's state: the updates people "send" (what {@code getUpdates} hands out), the calls the bot made,
 * the messages it keeps, the chats that blocked it, and failures scripted to happen next. Tests drive it directly.
 */
@Component
@Profile("fake-telegram")
public class FakeTelegram {

    /** One Bot API call the bot made. */
    public record Request(String method, Map<String, Object> params, Instant at) {

        public @Nullable Object param(String name) {
            return params.get(name);
        }

        public String text() {
            return String.valueOf(params.get("text"));
        }

        public long chatId() {
            return Long.parseLong(String.valueOf(params.get("chat_id")));
        }

        /** The {@code web_app} URLs of the inline keyboard sent with it. */
        @SuppressWarnings("unchecked")
        public List<String> webAppUrls() {
            return buttons().stream().map(b -> b.get("web_app")).filter(Map.class::isInstance)
                    .map(w -> String.valueOf(((Map<String, Object>) w).get("url"))).toList();
        }

        /** Every inline button sent with it. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> buttons() {
            if (!(params.get("reply_markup") instanceof Map<?, ?> markup)
                    || !(markup.get("inline_keyboard") instanceof List<?> rows)) {
                return List.of();
            }
            List<Map<String, Object>> buttons = new ArrayList<>();
            rows.forEach(row -> ((List<Map<String, Object>>) row).forEach(buttons::add));
            return buttons;
        }
    }

    /** A failure the next call of a method gets. */
    record Failure(int code, String description, @Nullable Integer retryAfter) {
    }

    private final Deque<Map<String, Object>> updates = new ArrayDeque<>();
    /** Update ids go up from a random start, as Telegram's do after a quiet week (a database may have seen others). */
    private final AtomicInteger nextUpdateId = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 1_000_000_000));
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private final Map<String, Map<String, Object>> messages = new HashMap<>();
    private @Nullable String webhookUrl;

    // --- what people do -------------------------------------------------------------------------------------

    /** A person writes to the bot in their private chat; returns the update's id. */
    public int userSends(long userId, String firstName, @Nullable String languageCode, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", nextMessageId.getAndIncrement());
        message.put("from", user(userId, firstName, languageCode));
        message.put("chat", Map.of("id", userId, "type", "private", "first_name", firstName));
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            message.put("entities", List.of(Map.of("type", "bot_command", "offset", 0, "length", end)));
        }
        return enqueue(Map.of("message", message));
    }

    /** A person taps an inline button that carries {@code callback_data}. */
    public int userTaps(long userId, String firstName, String data) {
        return enqueue(Map.of("callback_query", Map.of("id", "cb-" + nextMessageId.getAndIncrement(),
                "from", user(userId, firstName, null), "chat_instance", "ci-" + userId, "data", data)));
    }

    /** A person blocks the bot: Telegram refuses messages to them from now on and tells the bot. */
    public synchronized int userBlocks(long userId, String firstName) {
        blocked.add(userId);
        return enqueue(Map.of("my_chat_member", Map.of("chat", Map.of("id", userId, "type", "private"),
                "from", user(userId, firstName, null), "date", Instant.now().getEpochSecond(),
                "old_chat_member", Map.of("status", "member", "user", botUser()),
                "new_chat_member", Map.of("status", "kicked", "user", botUser(), "until_date", 0))));
    }

    /** Telegram will answer 403 to anything sent to this chat (without telling the bot first). */
    public synchronized void blockSilently(long chatId) {
        blocked.add(chatId);
    }

    /** Any update, as JSON-like maps; an {@code update_id} is added. */
    public synchronized int enqueue(Map<String, Object> update) {
        Map<String, Object> copy = new LinkedHashMap<>();
        int id = nextUpdateId.getAndIncrement();
        copy.put("update_id", id);
        copy.putAll(update);
        updates.add(copy);
        notifyAll();
        return id;
    }

    /** The next call of this method fails so (e.g. 429 with {@code retry_after}, or 502). */
    public synchronized void failNext(String method, int code, String description, @Nullable Integer retryAfter) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Failure(code, description, retryAfter));
    }

    // --- what tests look at ---------------------------------------------------------------------------------

    public synchronized List<Request> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    public synchronized List<Request> messagesTo(long chatId) {
        return requests.stream().filter(r -> r.method().equals("sendMessage") && r.chatId() == chatId).toList();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A message the bot sent, as it stands after any edits. */
    public synchronized @Nullable Map<String, Object> message(long chatId, int messageId) {
        return messages.get(chatId + "/" + messageId);
    }

    public synchronized @Nullable String webhookUrl() {
        return webhookUrl;
    }

    // --- used by the controller -----------------------------------------------------------------------------

    synchronized void record(String method, Map<String, Object> params) {
        requests.add(new Request(method, Map.copyOf(params), Instant.now()));
    }

    synchronized @Nullable Failure nextFailure(String method) {
        Deque<Failure> queue = failures.get(method);
        return queue == null ? null : queue.poll();
    }

    synchronized boolean isBlocked(long chatId) {
        return blocked.contains(chatId);
    }

    /** Confirms updates before {@code offset} and waits up to {@code timeout} for any at or after it. */
    synchronized List<Map<String, Object>> takeUpdates(long offset, int limit, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            updates.removeIf(u -> ((Number) u.get("update_id")).longValue() < offset);
            if (!updates.isEmpty() || System.nanoTime() >= deadline) {
                return updates.stream().limit(Math.max(1, Math.min(limit, 100))).toList();
            }
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    synchronized void setWebhook(@Nullable String url) {
        webhookUrl = url;
    }

    synchronized Map<String, Object> keep(long chatId, Map<String, Object> message) {
        messages.put(chatId + "/" + message.get("message_id"), message);
        return message;
    }

    int newMessageId() {
        return nextMessageId.getAndIncrement();
    }

    static Map<String, Object> user(long id, String firstName, @Nullable String languageCode) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("is_bot", false);
        user.put("first_name", firstName);
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    static Map<String, Object> botUser() {
        return Map.of("id", 123456, "is_bot", true, "first_name", "Avatar Call", "username", "avatar_call_fake_bot");
    }
}
