package app.avatarcall.conversation.llm;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The language model behind Talk mode. With no base URL or model, the built-in responder answers instead.
 *
 * @param baseUrl           the API, up to and including its version: {@code https://api.openai.com/v1},
 *                          {@code http://localhost:11434/v1} (Ollama), {@code https://openrouter.ai/api/v1}
 * @param apiKey            sent as a bearer token; none for local servers that need none
 * @param model             the model name the server knows ({@code gpt-4o-mini}, {@code llama3.1:8b}, …)
 * @param connectTimeout    how long to wait for a connection
 * @param firstTokenTimeout how long to wait for the reply to start, from the request
 * @param tokenTimeout      how long the reply may stall between two pieces
 * @param replyTimeout      how long a whole reply may take, retries included
 * @param retries           how many times a request that failed before any word of the reply is tried again
 *                          (refused connections, 429, 5xx; never 401 or a reply already under way)
 * @param retryBackoff      the first wait before trying again; it doubles each time
 * @param maxRetryWait      the longest wait for a retry: a 429 asking to come back later than this is not retried
 * @param maxTokens         the longest reply in tokens ({@code max_tokens}); 0 sends none
 * @param temperature       sampling temperature; none leaves the model's default (some models accept no other)
 * @param memoryTokens      how much of the call's conversation goes with each question, in (estimated) tokens
 * @param passages          how many knowledge-base passages go with each question
 * @param answerForAllAvatars also answer for avatars that have a brain of their own (a LiveAvatar with a context)
 */
@Validated
@ConfigurationProperties("llm")
public record LlmProperties(
        @Nullable URI baseUrl,
        @Nullable String apiKey,
        @Nullable String model,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("15s") Duration firstTokenTimeout,
        @NotNull @DefaultValue("10s") Duration tokenTimeout,
        @NotNull @DefaultValue("60s") Duration replyTimeout,
        @PositiveOrZero @DefaultValue("2") int retries,
        @NotNull @DefaultValue("500ms") Duration retryBackoff,
        @NotNull @DefaultValue("5s") Duration maxRetryWait,
        @PositiveOrZero @DefaultValue("300") int maxTokens,
        @Nullable Double temperature,
        @PositiveOrZero @DefaultValue("1500") int memoryTokens,
        @PositiveOrZero @DefaultValue("3") int passages,
        @DefaultValue("false") boolean answerForAllAvatars) {

    /** Whether a model is configured at all. */
    public boolean configured() {
        return baseUrl != null && !baseUrl.toString().isBlank() && model != null && !model.isBlank();
    }
}
