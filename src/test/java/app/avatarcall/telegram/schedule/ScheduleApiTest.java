package app.avatarcall.telegram.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.avatarcall.telegram.BotTest;
import app.avatarcall.telegram.fake.FakeTelegram;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The operators' REST endpoint: with its token, calls are scheduled, listed and cancelled; without, nothing. */
@BotTest
class ScheduleApiTest {

    private static final long PERSON = 12_345;

    @Autowired
    FakeTelegram telegram;
    @Value("${server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String path, @Nullable String token, @Nullable String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_operator_schedules_lists_and_cancels_a_call_and_nobody_else_can() throws Exception {
        telegram.userSends(PERSON, "Alex", "en", "/start");
        await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.messagesTo(PERSON).isEmpty());
        String plan = """
                {"telegramUserId":%d,"avatarId":"max","mode":"REPEAT","opening":"Time for your exercises!",
                 "at":"2031-01-06T09:00","zone":"Europe/Moscow","recurrence":"WEEKLY"}""".formatted(PERSON);

        assertThat(call("POST", "/telegram/schedules", null, plan).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/telegram/schedules", "wrong", plan).statusCode()).isEqualTo(401);

        HttpResponse<String> created = call("POST", "/telegram/schedules", BotTest.SCHEDULE_API_TOKEN, plan);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"recurrence\":\"WEEKLY\"").contains("\"zone\":\"Europe/Moscow\"")
                .contains("\"nextAt\":\"2031-01-06T06:00:00Z\"");
        String id = created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");

        assertThat(call("GET", "/telegram/schedules?telegramUserId=" + PERSON, BotTest.SCHEDULE_API_TOKEN, null).body())
                .contains(id);
        assertThat(call("DELETE", "/telegram/schedules/" + id, BotTest.SCHEDULE_API_TOKEN, null).statusCode()).isEqualTo(204);
        assertThat(call("DELETE", "/telegram/schedules/" + id, BotTest.SCHEDULE_API_TOKEN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_call_that_cannot_be_placed_is_answered_with_the_reason() throws Exception {
        HttpResponse<String> stranger = call("POST", "/telegram/schedules", BotTest.SCHEDULE_API_TOKEN,
                "{\"telegramUserId\":1,\"avatarId\":\"max\",\"at\":\"2031-01-06T09:00\"}");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("\"reason\":\"NOT_STARTED\"").contains("has not started the bot");

        HttpResponse<String> missing = call("POST", "/telegram/schedules", BotTest.SCHEDULE_API_TOKEN, "{\"avatarId\":\"max\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"reason\":\"MISSING\"");

        assertThat(call("POST", "/telegram/schedules", BotTest.SCHEDULE_API_TOKEN, "{not json").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/telegram/schedules", BotTest.SCHEDULE_API_TOKEN,
                "{\"telegramUserId\":1,\"avatarId\":\"max\",\"at\":\"tomorrow\"}").statusCode()).isEqualTo(400);
    }
}
