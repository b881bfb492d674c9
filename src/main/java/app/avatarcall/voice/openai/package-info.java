/**
 * Speech to text over the OpenAI-compatible {@code POST /v1/audio/transcriptions} contract: OpenAI itself, or a
 * local faster-whisper (speaches) or whisper.cpp server. On when {@code STT_BASE_URL} is set.
 */
@NullMarked
package app.avatarcall.voice.openai;

import org.jspecify.annotations.NullMarked;
