/**
 * Talk mode through a language model: a streaming client of the OpenAI-compatible Chat Completions API (OpenAI,
 * Ollama, vLLM, LM Studio, OpenRouter, … chosen by base URL, model and key), the prompt that keeps the avatar in
 * character (persona, language, the call's memory, knowledge-base passages) and the responder that turns the stream
 * into sentences. Without {@code LLM_BASE_URL} and {@code LLM_MODEL} the built-in knowledge-base responder answers.
 */
@NullMarked
package app.avatarcall.conversation.llm;

import org.jspecify.annotations.NullMarked;
