package app.avatarcall.conversation.llm;

import app.avatarcall.conversation.llm.LlmFailure.Kind;
import java.io.IOException;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a successful Chat Completions answer: server-sent {@code chat.completion.chunk} events up to
 * {@code data: [DONE]}, or, from a server that does not stream, one {@code chat.completion}. Anything else is a
 * failure: a chunk that is not JSON or has no choices, an {@code error} event, a stream that ends too soon.
 */
final class CompletionReader {

    /** Where what is read goes. */
    interface Sink {
        /** An event arrived (the model is alive). */
        void event();

        void token(String text);
    }

    private final JsonMapper json;

    CompletionReader(JsonMapper json) {
        this.json = json;
    }

    /** Reads the events to the end of the reply; returns its finish reason ({@code stop}, {@code length}, …). */
    @Nullable String stream(BufferedSource source, Sink sink) throws IOException, LlmException {
        StringBuilder data = new StringBuilder();
        String finishReason = null;
        for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    sink.event();
                    String event = data.toString().strip();
                    data.setLength(0);
                    if ("[DONE]".equals(event)) {
                        return finishReason;
                    }
                    finishReason = chunk(event, finishReason, sink);
                }
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                data.append(data.isEmpty() ? "" : "\n").append(value.startsWith(" ") ? value.substring(1) : value);
            } // comments (": keep-alive") and other fields are not for us
        }
        // The connection closed. Some servers leave out the last blank line, or [DONE] after the finish reason.
        String last = data.toString().strip();
        if (!last.isEmpty() && !"[DONE]".equals(last)) {
            finishReason = chunk(last, finishReason, sink);
        }
        if (finishReason == null && !"[DONE]".equals(last)) {
            throw new LlmException(Kind.DROPPED, "the stream ended before the reply did");
        }
        return finishReason;
    }

    /** A {@code chat.completion} answered all at once; returns its finish reason. */
    @Nullable String whole(String body, Sink sink) throws LlmException {
        JsonNode choice = parse(body).path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isString()) {
            throw new LlmException(Kind.MALFORMED, "a completion without content: " + abbreviate(body));
        }
        sink.event();
        sink.token(content.asString());
        return choice.path("finish_reason").isString() ? choice.path("finish_reason").asString() : null;
    }

    /** What an error body says, as briefly as it says it: {@code message (code)}. */
    String errorMessage(String body) {
        try {
            return errorMessage(json.readTree(body));
        } catch (JacksonException e) {
            return abbreviate(body);
        }
    }

    /** One chunk; returns the finish reason once one was given. */
    private @Nullable String chunk(String event, @Nullable String finishReason, Sink sink) throws LlmException {
        JsonNode choices = parse(event).get("choices");
        if (choices == null || !choices.isArray()) {
            throw new LlmException(Kind.MALFORMED, "a chunk without choices: " + abbreviate(event));
        }
        if (choices.isEmpty()) {
            return finishReason; // the usage chunk
        }
        JsonNode content = choices.get(0).path("delta").path("content");
        if (content.isString() && !content.asString().isEmpty()) {
            sink.token(content.asString());
        }
        JsonNode finish = choices.get(0).path("finish_reason");
        return finish.isString() ? finish.asString() : finishReason;
    }

    private JsonNode parse(String text) throws LlmException {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new LlmException(Kind.MALFORMED, "not JSON: " + abbreviate(text));
        }
        if (node.has("error")) { // OpenRouter and others report failures inside a stream that has begun
            throw new LlmException(Kind.SERVER_ERROR, errorMessage(node));
        }
        return node;
    }

    private static String errorMessage(JsonNode node) {
        JsonNode error = node.path("error");
        String message = error.isString() ? error.asString() : error.path("message").asString("");
        JsonNode code = error.path("code");
        return abbreviate(message + (code.isString() || code.isNumber() ? " (" + code.asString() + ")" : ""));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
