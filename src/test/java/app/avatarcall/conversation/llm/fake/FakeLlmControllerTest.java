package app.avatarcall.conversation.llm.fake;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.FakeLlmTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake keeps OpenAI's public contract: shapes of chunks, completions and errors, as a plain HTTP client sees them. */
class FakeLlmControllerTest extends FakeLlmTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SYSTEM = "You are Max, Product guide, an AI avatar. Answer in Russian (language code "
            + "\"ru\").\nKnowledge base (answer from these facts):\n- Q: Сколько это стоит? A: Демо-аватар бесплатный.\n";

    @Autowired
    FakeLlm fake;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    @AfterEach
    void reset() {
        fake.reset();
        fake.latency(Duration.ZERO, Duration.ZERO);
    }

    private Response post(String key, String body) throws IOException {
        return http.newCall(new Request.Builder().url(fakeLlmBase() + "/chat/completions")
                .header("Authorization", "Bearer " + key)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute();
    }

    private static String request(boolean stream, String question) {
        return JSON.writeValueAsString(java.util.Map.of("model", "fake-persona", "stream", stream, "messages", List.of(
                java.util.Map.of("role", "system", "content", SYSTEM),
                java.util.Map.of("role", "user", "content", question))));
    }

    @Test
    void a_streamed_reply_is_chat_completion_chunks_ending_with_done() throws IOException {
        try (Response response = post("fake-llm-key", request(true, "Сколько стоит?"))) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("text/event-stream");
            List<String> events = new ArrayList<>(List.of(response.body().string().split("\n\n")));

            assertThat(events.getLast()).isEqualTo("data: [DONE]");
            events.removeLast();
            StringBuilder content = new StringBuilder();
            String finish = null;
            for (String event : events) {
                assertThat(event).startsWith("data: ");
                JsonNode chunk = JSON.readTree(event.substring(6));
                assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
                assertThat(chunk.path("id").asString()).startsWith("chatcmpl-");
                assertThat(chunk.path("model").asString()).isEqualTo("fake-persona");
                JsonNode choice = chunk.path("choices").get(0);
                assertThat(choice.path("index").asInt()).isZero();
                content.append(choice.path("delta").path("content").asString(""));
                finish = choice.path("finish_reason").isString() ? choice.path("finish_reason").asString() : finish;
            }
            assertThat(JSON.readTree(events.getFirst().substring(6)).path("choices").get(0).path("delta")
                    .path("role").asString()).isEqualTo("assistant");
            assertThat(finish).isEqualTo("stop");
            assertThat(content.toString()).isEqualTo("[neutral] Демо-аватар бесплатный.");
        }
    }

    @Test
    void the_model_list_names_the_fakes_models_as_openai_lists_them_and_wants_the_key() throws IOException {
        try (Response listed = http.newCall(new Request.Builder().url(fakeLlmBase() + "/models")
                .header("Authorization", "Bearer fake-llm-key").build()).execute()) {
            assertThat(listed.code()).isEqualTo(200);
            JsonNode body = JSON.readTree(listed.body().string());
            assertThat(body.get("object").asString()).isEqualTo("list");
            assertThat(body.get("data").get(0).get("id").asString()).isEqualTo("fake-persona");
            assertThat(body.get("data").get(0).get("object").asString()).isEqualTo("model");
        }
        try (Response refused = http.newCall(new Request.Builder().url(fakeLlmBase() + "/models").build()).execute()) {
            assertThat(refused.code()).isEqualTo(401);
        }
    }

    @Test
    void a_reply_not_streamed_is_one_chat_completion_with_usage() throws IOException {
        try (Response response = post("fake-llm-key", request(false, "Привет!"))) {
            JsonNode completion = JSON.readTree(response.body().string());

            assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
            JsonNode choice = completion.path("choices").get(0);
            assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
            assertThat(choice.path("message").path("content").asString()).startsWith("[happy] Привет! Это Max.");
            assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
            assertThat(completion.path("usage").path("total_tokens").asInt())
                    .isEqualTo(completion.path("usage").path("prompt_tokens").asInt()
                            + completion.path("usage").path("completion_tokens").asInt());
        }
    }

    @Test
    void errors_have_openais_shape_and_a_429_says_when_to_come_back() throws IOException {
        try (Response response = post("sk-wrong", request(true, "hi"))) {
            assertThat(response.code()).isEqualTo(401);
            JsonNode error = JSON.readTree(response.body().string()).path("error");
            assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.path("code").asString()).isEqualTo("invalid_api_key");
            assertThat(error.has("param")).isTrue();
        }
        fake.then(new FakeLlm.Script.Status(429, "7"));
        try (Response response = post("fake-llm-key", request(true, "hi"))) {
            assertThat(response.code()).isEqualTo(429);
            assertThat(response.header("Retry-After")).isEqualTo("7");
            assertThat(JSON.readTree(response.body().string()).path("error").path("code").asString())
                    .isEqualTo("rate_limit_exceeded");
        }
        fake.then(new FakeLlm.Script.Status(500, null));
        try (Response response = post("fake-llm-key", request(true, "hi"))) {
            assertThat(response.code()).isEqualTo(500);
            assertThat(JSON.readTree(response.body().string()).path("error").path("type").asString())
                    .isEqualTo("server_error");
        }
    }

    @Test
    void a_request_without_model_or_messages_is_refused_as_openai_does() throws IOException {
        try (Response response = post("fake-llm-key", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("you must provide a model parameter");
        }
        try (Response response = post("fake-llm-key", "{\"model\": \"fake-persona\", \"messages\": []}")) {
            assertThat(response.code()).isEqualTo(400);
        }
        try (Response response = post("fake-llm-key", "{not json")) {
            assertThat(response.code()).isEqualTo(400);
        }
    }

    @Test
    void the_reply_stays_in_character_and_in_the_language_it_is_told() {
        String english = "You are Ava, AI assistant, an AI avatar. Answer in English (language code \"en\").\n";
        assertThat(FakeReplies.reply(english, "Hello!")).isEqualTo(
                "[happy] Hi! It's Ava. Lovely to hear from you. What shall we talk about?");
        assertThat(FakeReplies.reply(english + "Knowledge base: nothing on this question.", "Who won in 1998?"))
                .startsWith("[thinking] Hmm, good question. I don't know that yet.");
        assertThat(FakeReplies.reply(SYSTEM, "Сколько стоит?")).isEqualTo("[neutral] Демо-аватар бесплатный.");
        assertThat(FakeReplies.reply("Be terse.", "ping")).isEqualTo("[neutral] You said: ping");
    }
}
