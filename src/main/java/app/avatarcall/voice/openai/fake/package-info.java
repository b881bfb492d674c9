/**
 * An in-process OpenAI-compatible transcription endpoint ({@code POST /fake-stt/v1/audio/transcriptions}, profile
 * {@code fake-stt}) that keeps the public contract: multipart {@code file}, {@code model}, {@code language},
 * {@code response_format} ({@code json}, {@code text}, {@code verbose_json}, {@code srt}, {@code vtt}); Bearer key;
 * OpenAI's error shape for 400, 401, 413 and 429; a 25 MB file limit and a 0.1 s minimum length.
 * <p>
 * It runs no speech model, so it does not understand speech. What it answers is honest about that: audio whose
 * SHA-256 it was told ({@code fake-stt.known.<sha256>=text}) gets that text; any other audio with sound in it gets
 * the configured {@code fake-stt.heard} text (empty by default); silence gets an empty text, as whisper gives.
 * It reads WAV files only (the real service also takes mp3, ogg, webm, …). Point {@code STT_BASE_URL} at
 * {@code http://localhost:8080/fake-stt/v1} with {@code STT_API_KEY=fake-stt-key}.
 */
@NullMarked
package app.avatarcall.voice.openai.fake;

import org.jspecify.annotations.NullMarked;
