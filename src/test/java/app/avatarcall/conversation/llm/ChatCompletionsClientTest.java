package app.avatarcall.conversation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.avatarcall.conversation.Answering;
import app.avatarcall.conversation.llm.ChatCompletionsClient.Message;
import app.avatarcall.conversation.llm.LlmFailure.Kind;
import app.avatarcall.conversation.llm.fake.FakeLlm;
import app.avatarcall.conversation.llm.fake.FakeLlm.Script;
import app.avatarcall.testing.FakeLlmTest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Chat Completions client against the in-process fake over real HTTP: streaming, the error statuses and when
 * they are retried, broken streams, the three timeouts, and cancellation closing the connection.
 */
class ChatCompletionsClientTest extends FakeLlmTest {

    private static final List<Message> HELLO = List.of(new Message("system", "You are a test."),
            new Message("user", "Hello"));
    private static final String TEXT = "[happy] Hello there! It is good to see you today.";

    @Autowired
    FakeLlm fake;

    private final List<ChatCompletionsClient> clients = new CopyOnWriteArrayList<>();

    /** What a handler heard, with when. */
    static final class Heard implements ChatCompletionsClient.Handler {
        final List<String> tokens = new CopyOnWriteArrayList<>();
        final List<Long> tokenAt = new CopyOnWriteArrayList<>();
        volatile boolean completed;
        volatile @Nullable LlmFailure failure;
        volatile long endedAt;

        @Override
        public void token(String text) {
            tokens.add(text);
            tokenAt.add(System.nanoTime());
        }

        @Override
        public void completed() {
            completed = true;
            endedAt = System.nanoTime();
        }

        @Override
        public void failed(LlmFailure failed) {
            failure = failed;
            endedAt = System.nanoTime();
        }

        boolean over() {
            return completed || failure != null;
        }

        String text() {
            return String.join("", tokens);
        }
    }

    @BeforeEach
    void fastFake() {
        fake.reset();
        fake.latency(Duration.ZERO, Duration.ZERO);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(ChatCompletionsClient::close);
        fake.reset();
    }

    private LlmProperties properties(String baseUrl, String key, Duration firstToken, Duration token, int retries,
                                     Duration maxRetryWait) {
        return new LlmProperties(URI.create(baseUrl), key, "fake-persona", Duration.ofSeconds(2), firstToken, token,
                Duration.ofSeconds(20), retries, Duration.ofMillis(50), maxRetryWait, 300, null, 1500, 3, false);
    }

    private ChatCompletionsClient client(LlmProperties properties) {
        ChatCompletionsClient client = new ChatCompletionsClient(properties);
        clients.add(client);
        return client;
    }

    private ChatCompletionsClient client() {
        return client(properties(base(), "fake-llm-key", Duration.ofSeconds(5), Duration.ofSeconds(5), 2,
                Duration.ofSeconds(5)));
    }

    private String base() {
        return fakeLlmBase();
    }

    private static Heard run(ChatCompletionsClient client) {
        Heard heard = new Heard();
        client.stream(HELLO, heard);
        await().atMost(Duration.ofSeconds(15)).until(heard::over);
        return heard;
    }

    @Test
    void a_reply_streams_in_token_by_token_as_the_server_writes_it() {
        fake.latency(Duration.ZERO, Duration.ofMillis(40));
        fake.then(new Script.Reply(TEXT));

        Heard heard = run(client());

        assertThat(heard.completed).isTrue();
        assertThat(heard.text()).isEqualTo(TEXT);
        assertThat(heard.tokens).hasSizeGreaterThan(10).contains("[", "happy", "]", " Hello", "!");
        // Streamed, not buffered: the first piece came long before the reply ended.
        assertThat(Duration.ofNanos(heard.endedAt - heard.tokenAt.getFirst())).isGreaterThan(Duration.ofMillis(300));
    }

    @Test
    void the_request_is_an_openai_chat_completion_request() {
        run(client());

        var request = fake.requests().getFirst();
        assertThat(request.path("model").asString()).isEqualTo("fake-persona");
        assertThat(request.path("stream").asBoolean()).isTrue();
        assertThat(request.path("max_tokens").asInt()).isEqualTo(300);
        assertThat(request.path("messages").get(1).path("role").asString()).isEqualTo("user");
        assertThat(request.path("messages").get(1).path("content").asString()).isEqualTo("Hello");
        assertThat(request.has("temperature")).isFalse();
    }

    @Test
    void a_wrong_key_is_refused_as_unauthorized_and_not_asked_again() {
        Heard heard = run(client(properties(base(), "sk-wrong", Duration.ofSeconds(5), Duration.ofSeconds(5), 2,
                Duration.ofSeconds(5))));

        assertThat(heard.failure).extracting(LlmFailure::kind, LlmFailure::status).containsExactly(Kind.UNAUTHORIZED, 401);
        assertThat(heard.failure.detail()).contains("Incorrect API key").contains("invalid_api_key");
        assertThat(heard.failure.toString()).doesNotContain("sk-wrong");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void a_429_is_asked_again_after_the_wait_the_server_asked_for() {
        fake.then(new Script.Status(429, "1")).then(new Script.Reply(TEXT));
        long start = System.nanoTime();

        Heard heard = run(client());

        assertThat(heard.completed).isTrue();
        assertThat(heard.text()).isEqualTo(TEXT);
        assertThat(fake.requests()).hasSize(2);
        assertThat(Duration.ofNanos(heard.endedAt - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a_429_asking_for_a_longer_wait_than_a_person_would_bear_is_not_asked_again() {
        fake.then(new Script.Status(429, "60"));

        Heard heard = run(client());

        assertThat(heard.failure).extracting(LlmFailure::kind, LlmFailure::retryAfter)
                .containsExactly(Kind.RATE_LIMITED, Duration.ofSeconds(60));
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void server_errors_are_asked_again_with_backoff_and_then_given_up() {
        fake.then(new Script.Status(500, null)).then(new Script.Status(502, null)).then(new Script.Status(503, null));

        Heard heard = run(client());

        assertThat(heard.failure).extracting(LlmFailure::kind, LlmFailure::status).containsExactly(Kind.SERVER_ERROR, 503);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void a_server_error_before_the_reply_started_is_recovered_from() {
        fake.then(new Script.Status(500, null)).then(new Script.Reply(TEXT));
        Heard heard = run(client());
        assertThat(heard.completed).isTrue();
        assertThat(heard.text()).isEqualTo(TEXT);
    }

    @Test
    void an_unknown_model_is_refused_and_not_asked_again() {
        LlmProperties wrongModel = new LlmProperties(URI.create(base()), "fake-llm-key", "gpt-nonexistent",
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20), 2,
                Duration.ofMillis(50), Duration.ofSeconds(5), 300, null, 1500, 3, false);
        Heard heard = run(client(wrongModel));
        assertThat(heard.failure).extracting(LlmFailure::kind, LlmFailure::status).containsExactly(Kind.REFUSED, 404);
        assertThat(heard.failure.detail()).contains("model_not_found");
    }

    @Test
    void a_chunk_broken_off_mid_json_is_malformed_and_what_came_before_it_was_heard() {
        fake.then(new Script.BreakAfter(TEXT, 5));

        Heard heard = run(client());

        assertThat(heard.tokens).hasSize(5);
        assertThat(heard.failure).extracting(LlmFailure::kind).isEqualTo(Kind.MALFORMED);
        assertThat(fake.requests()).hasSize(1); // words had come: asking again would repeat them
    }

    @Test
    void a_stream_that_stops_without_finishing_is_dropped_and_not_asked_again_once_words_came() {
        fake.then(new Script.DropAfter(TEXT, 4));
        Heard heard = run(client());
        assertThat(heard.failure).extracting(LlmFailure::kind).isEqualTo(Kind.DROPPED);
        assertThat(heard.tokens).hasSize(4);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void a_stream_dropped_before_any_word_is_asked_again() {
        fake.then(new Script.DropAfter(TEXT, 0)).then(new Script.Reply(TEXT));
        Heard heard = run(client());
        assertThat(heard.completed).isTrue();
        assertThat(heard.text()).isEqualTo(TEXT);
    }

    @Test
    void an_error_event_inside_the_stream_is_a_server_error() {
        fake.then(new Script.ErrorEventAfter(TEXT, 3));
        Heard heard = run(client());
        assertThat(heard.failure).extracting(LlmFailure::kind).isEqualTo(Kind.SERVER_ERROR);
        assertThat(heard.failure.detail()).contains("Provider returned error");
    }

    @Test
    void a_reply_that_does_not_start_in_time_times_out_and_its_connection_is_closed() {
        fake.latency(Duration.ofSeconds(3), Duration.ZERO);

        Heard heard = run(client(properties(base(), "fake-llm-key", Duration.ofSeconds(1), Duration.ofSeconds(5), 2,
                Duration.ofSeconds(5))));

        assertThat(heard.failure).extracting(LlmFailure::kind).isEqualTo(Kind.FIRST_TOKEN_TIMEOUT);
        await().atMost(Duration.ofSeconds(8)).until(() -> fake.aborted() == 1);
        assertThat(fake.requests()).hasSize(1); // not asked again: the person has waited long enough
    }

    @Test
    void a_reply_that_stalls_between_tokens_times_out() {
        fake.then(new Script.StallAfter(TEXT, 3, Duration.ofSeconds(2)));

        Heard heard = run(client(properties(base(), "fake-llm-key", Duration.ofSeconds(5), Duration.ofMillis(300), 2,
                Duration.ofSeconds(5))));

        assertThat(heard.failure).extracting(LlmFailure::kind).isEqualTo(Kind.TOKEN_TIMEOUT);
        assertThat(heard.tokens).hasSize(3);
    }

    @Test
    void a_server_that_is_not_there_fails_to_connect_after_trying_again() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Heard heard = run(client(properties("http://localhost:" + closed + "/v1", "k", Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1, Duration.ofSeconds(5))));
        assertThat(heard.failure).extracting(LlmFailure::kind).isEqualTo(Kind.CONNECT);
    }

    @Test
    void cancelling_stops_the_reply_at_once_and_closes_its_connection() {
        fake.latency(Duration.ZERO, Duration.ofMillis(50));
        fake.then(new Script.Reply(TEXT.repeat(5)));
        Heard heard = new Heard();

        Answering answering = client().stream(HELLO, heard);
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.tokens.size() >= 3);
        answering.cancel();
        int heardAtCancel = heard.tokens.size();

        await().atMost(Duration.ofSeconds(5)).until(() -> fake.aborted() == 1);
        assertThat(heard.tokens.size()).isLessThanOrEqualTo(heardAtCancel + 1); // at most one already on its way
        assertThat(heard.over()).isFalse();
    }
}
