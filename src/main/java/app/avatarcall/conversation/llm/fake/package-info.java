/**
 * An in-process stand-in for an OpenAI-compatible Chat Completions server, on with the {@code fake-llm} profile at
 * {@code /fake-llm/v1/chat/completions}: the same request and response shapes (streamed
 * {@code chat.completion.chunk} events ending with {@code data: [DONE]}, or one {@code chat.completion}), OpenAI's
 * error body for 400/401/404/429/500 (429 with {@code Retry-After}), a per-token latency, and in-character replies
 * made from the request's own system prompt and knowledge passages, so that Talk mode works without a key. Tests
 * script replies, errors, stalls and broken streams through {@link app.avatarcall.conversation.llm.fake.FakeLlm}.
 */
@NullMarked
package app.avatarcall.conversation.llm.fake;

import org.jspecify.annotations.NullMarked;
