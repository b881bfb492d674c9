/**
 * An in-process speech synthesizer that keeps OpenAI's {@code POST /v1/audio/speech} contract (fields, limits, the
 * {@code {"error": {...}}} answers, 401 and 429) and answers with real audio: a formant buzz whose vowels, consonants
 * and pauses follow the text, so that a face driven by it has something to move its lips to. On with the
 * {@code fake-tts} profile; point {@code TTS_BASE_URL} at {@code http://localhost:8080/fake-tts/v1}.
 */
@NullMarked
package app.avatarcall.avatar.speech.fake;

import org.jspecify.annotations.NullMarked;
