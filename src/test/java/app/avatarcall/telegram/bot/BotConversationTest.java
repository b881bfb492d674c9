package app.avatarcall.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.avatarcall.telegram.BotTest;
import app.avatarcall.telegram.fake.FakeTelegram;
import app.avatarcall.telegram.fake.FakeTelegram.Request;
import app.avatarcall.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** People talking to the bot, through the fake Bot API over HTTP, by long polling. */
@BotTest
class BotConversationTest {

    private static final AtomicLong PEOPLE = new AtomicLong(5000);

    @Autowired
    FakeTelegram telegram;
    @Autowired
    BotUsers users;
    @Autowired
    TestClock clock;

    private final long person = PEOPLE.incrementAndGet();

    private List<Request> awaitMessages(long chat, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(chat).size() >= count);
        return telegram.messagesTo(chat);
    }

    private Request awaitMessage(long chat) {
        return awaitMessages(chat, 1).getLast();
    }

    @Test
    void start_greets_in_russian_with_a_button_that_calls_the_avatar_and_sets_the_menu_button() {
        telegram.userSends(person, "Иван", "ru", "/start");

        Request greeting = awaitMessage(person);
        assertThat(greeting.text()).startsWith("Здравствуйте, Иван!").contains("Ава");
        assertThat(greeting.webAppUrls()).containsExactly("https://call.example.test/call/ava");
        assertThat(greeting.buttons().getFirst().get("text")).isEqualTo("📞 Позвонить: Ава");
        await().until(() -> telegram.requests("setChatMenuButton").stream()
                .anyMatch(r -> String.valueOf(person).equals(String.valueOf(r.param("chat_id")))));
        Request menu = telegram.requests("setChatMenuButton").stream()
                .filter(r -> String.valueOf(person).equals(String.valueOf(r.param("chat_id")))).findFirst().orElseThrow();
        assertThat(menu.params().get("menu_button")).isEqualTo(Map.of("type", "web_app", "text", "📞 Позвонить",
                "web_app", Map.of("url", "https://call.example.test/call/ava")));
        BotUser user = users.find(person).orElseThrow();
        assertThat(user.started()).isTrue();
        assertThat(user.firstName()).isEqualTo("Иван");
        assertThat(user.languageCode()).isEqualTo("ru");
    }

    @Test
    void an_admin_gets_the_console_in_the_mini_app_and_anybody_else_an_unknown_command() {
        telegram.userSends(BotTest.CONSOLE_ADMIN, "Olga", "ru", "/admin");
        Request console = awaitMessage(BotTest.CONSOLE_ADMIN);
        assertThat(console.webAppUrls()).containsExactly("https://call.example.test/admin/login");
        assertThat(console.buttons().getFirst().get("text")).isEqualTo("🛠 Консоль администратора");

        telegram.userSends(person, "Alex", "en", "/admin");
        Request refused = awaitMessage(person);
        assertThat(refused.text()).contains("/admin").contains("/help");
        assertThat(refused.webAppUrls()).isEmpty();
    }

    @Test
    void start_greets_in_english_when_telegram_is_in_english() {
        telegram.userSends(person, "Alex", "en-GB", "/start");

        Request greeting = awaitMessage(person);
        assertThat(greeting.text()).startsWith("Hi, Alex!").contains("Ava");
        assertThat(greeting.buttons().getFirst().get("text")).isEqualTo("📞 Call Ava");
        assertThat(greeting.webAppUrls()).containsExactly("https://call.example.test/call/ava");
    }

    @Test
    void a_deep_link_payload_chooses_the_avatar_and_later_calls_keep_it() {
        telegram.userSends(person, "Alex", "en", "/start max");
        assertThat(awaitMessage(person).webAppUrls()).containsExactly("https://call.example.test/call/max");

        telegram.userSends(person, "Alex", "en", "/call");
        Request call = awaitMessages(person, 2).getLast();
        assertThat(call.text()).isEqualTo("Tap to call Max.");
        assertThat(call.webAppUrls()).containsExactly("https://call.example.test/call/max");
        assertThat(users.find(person).orElseThrow().avatarId()).isEqualTo("max");
    }

    @Test
    void a_payload_that_is_unknown_or_malformed_gets_the_default_avatar() {
        List<String> payloads = List.of("nobody", "../../admin", "<script>alert(1)</script>", "x".repeat(65),
                "'; drop table telegram_user; --"); // five: the flood limit in tests
        for (String payload : payloads) {
            telegram.userSends(person, "Alex", "en", "/start " + payload);
        }

        assertThat(awaitMessages(person, payloads.size())).allSatisfy(greeting ->
                assertThat(greeting.webAppUrls()).containsExactly("https://call.example.test/call/ava"));
        assertThat(users.find(person).orElseThrow().avatarId()).isEqualTo("ava");
    }

    @Test
    void an_unknown_command_is_answered_with_where_to_find_help() {
        telegram.userSends(person, "Alex", "en", "/dance now");
        assertThat(awaitMessage(person).text()).isEqualTo("I don't know the command /dance. Send /help to see what I can do.");

        telegram.userSends(person, "Иван", "ru", "/пляши"); // not a command's shape: plain text, answered with a call
        assertThat(awaitMessages(person, 2).getLast().webAppUrls()).containsExactly("https://call.example.test/call/ava");
    }

    @Test
    void help_and_plain_text_are_answered_in_the_persons_language() {
        telegram.userSends(person, "Иван", "ru", "/help");
        assertThat(awaitMessage(person).text()).contains("/call").contains("/language").contains("Ава");

        telegram.userSends(person, "Иван", "ru", "привет");
        Request hint = awaitMessages(person, 2).getLast();
        assertThat(hint.text()).contains("нажмите кнопку");
        assertThat(hint.webAppUrls()).containsExactly("https://call.example.test/call/ava");
    }

    @Test
    void the_language_buttons_switch_what_the_bot_speaks() {
        telegram.userSends(person, "Alex", "en", "/language");
        Request choice = awaitMessage(person);
        assertThat(choice.buttons()).extracting(b -> b.get("callback_data")).containsExactly("lang:ru", "lang:en");

        telegram.userTaps(person, "Alex", "lang:ru");
        assertThat(awaitMessages(person, 2).getLast().text()).isEqualTo("Готово: буду говорить с вами по-русски.");
        await().until(() -> !telegram.requests("answerCallbackQuery").isEmpty());

        telegram.userSends(person, "Alex", "en", "/call");
        assertThat(awaitMessages(person, 3).getLast().text()).isEqualTo("Нажмите, чтобы позвонить: Ава.");
    }

    @Test
    void a_flood_from_one_person_gets_one_polite_reply_and_the_rest_is_dropped() {
        for (int i = 0; i < 9; i++) {
            telegram.userSends(person, "Alex", "en", "/help");
        }
        List<Request> replies = awaitMessages(person, 6);
        await().during(Duration.ofMillis(500)).until(() -> telegram.messagesTo(person).size() == 6);
        assertThat(replies).filteredOn(r -> r.text().startsWith("You are sending messages too fast")).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        telegram.userSends(person, "Alex", "en", "/help");
        assertThat(awaitMessages(person, 7).getLast().text()).contains("/call");
    }

    @Test
    void a_person_who_blocked_the_bot_is_marked_blocked() {
        telegram.userSends(person, "Alex", "en", "/start");
        awaitMessage(person);

        telegram.userBlocks(person, "Alex");
        await().atMost(Duration.ofSeconds(10)).until(() -> users.find(person).orElseThrow().blocked());
    }

    @Test
    void a_403_on_a_reply_marks_the_person_blocked() {
        telegram.blockSilently(person);
        telegram.userSends(person, "Alex", "en", "/start");

        await().atMost(Duration.ofSeconds(10)).until(() -> users.find(person).map(BotUser::blocked).orElse(false));
        assertThat(telegram.messagesTo(person)).hasSize(1); // tried once: a 403 is not retried
    }

    @Test
    void a_429_is_tried_again_after_the_retry_after_telegram_names() {
        telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
        telegram.userSends(person, "Alex", "en", "/help");

        List<Request> attempts = awaitMessages(person, 2);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(attempts.get(1).text()).contains("/call");
    }

    @Test
    void a_5xx_is_tried_again_with_back_off_until_telegram_answers() {
        telegram.failNext("sendMessage", 502, "Bad Gateway", null);
        telegram.failNext("sendMessage", 500, "Internal Server Error", null);
        telegram.userSends(person, "Alex", "en", "/help");

        assertThat(awaitMessages(person, 3)).extracting(Request::text).allMatch(text -> text.contains("/call"));
    }

    @Test
    void unusual_updates_are_dropped_quietly_and_the_bot_goes_on() {
        long now = java.time.Instant.now().getEpochSecond();
        telegram.enqueue(Map.of("edited_message", Map.of("message_id", 1, "date", now, "text", "edited",
                "chat", Map.of("id", person, "type", "private"))));
        telegram.enqueue(Map.of("poll", Map.of("id", "p", "question", "?", "options", List.of(), "total_voter_count", 0,
                "is_closed", false, "is_anonymous", true, "type", "regular", "allows_multiple_answers", false)));
        telegram.enqueue(Map.of("some_future_update", Map.of("x", 1)));
        telegram.enqueue(Map.of("message", Map.of("message_id", 2, "date", now,
                "chat", Map.of("id", person, "type", "private"),
                "from", Map.of("id", person, "is_bot", false, "first_name", "Alex"),
                "sticker", Map.of("file_id", "f", "file_unique_id", "u", "type", "regular", "width", 1, "height", 1,
                        "is_animated", false, "is_video", false))));
        telegram.userSends(person, "Alex", "en", "/help");

        List<Request> replies = awaitMessages(person, 2); // one person's updates are answered in order
        assertThat(replies.get(0).text()).isEqualTo("I understand text and commands only. Send /help to see what I can do.");
        assertThat(replies.get(1).text()).contains("/call");
        await().during(Duration.ofMillis(300)).until(() -> telegram.messagesTo(person).size() == 2);
    }

    @Test
    void in_a_group_a_call_gets_a_t_me_link_because_web_app_buttons_work_only_in_private_chats() {
        long group = -person;
        java.util.function.Function<String, Map<String, Object>> groupMessage = text -> Map.of("message", Map.of(
                "message_id", 7, "date", java.time.Instant.now().getEpochSecond(), "text", text,
                "chat", Map.of("id", group, "type", "supergroup", "title", "Team"),
                "from", Map.of("id", person, "is_bot", false, "first_name", "Alex", "language_code", "en")));
        telegram.enqueue(groupMessage.apply("/call@some_other_bot"));
        telegram.enqueue(groupMessage.apply("hello everyone"));
        telegram.enqueue(groupMessage.apply("/call@avatar_call_fake_bot max"));

        Request reply = awaitMessage(group);
        assertThat(reply.text()).isEqualTo("Video calls open in a private chat with me: tap the button.");
        assertThat(reply.buttons()).singleElement().satisfies(button -> {
            assertThat(button.get("url")).isEqualTo("https://t.me/avatar_call_fake_bot?startapp=max");
            assertThat(button).doesNotContainKey("web_app");
        });
        await().during(Duration.ofMillis(300)).until(() -> telegram.messagesTo(group).size() == 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void commands_are_registered_in_english_and_russian_and_the_menu_button_opens_the_mini_app() {
        await().until(() -> telegram.requests("setMyCommands").size() >= 2);
        List<Request> commands = telegram.requests("setMyCommands");
        assertThat(commands).extracting(r -> r.param("language_code")).containsExactlyInAnyOrder(null, "ru");
        Request russian = commands.stream().filter(r -> "ru".equals(r.param("language_code"))).findFirst().orElseThrow();
        assertThat((List<Object>) russian.param("commands")).contains((Object) Map.of("command", "call", "description", "Позвонить аватару"));
        assertThat(telegram.requests("setChatMenuButton")).anySatisfy(r -> {
            assertThat(r.param("chat_id")).isNull();
            assertThat(r.param("menu_button")).isEqualTo(Map.of("type", "web_app", "text", "📞 Call",
                    "web_app", Map.of("url", "https://call.example.test/call/ava")));
        });
        assertThat(telegram.requests("getMe")).isNotEmpty();
    }
}
