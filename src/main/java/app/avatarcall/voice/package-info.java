/**
 * Speech to text: the {@link app.avatarcall.voice.Transcriber} SPI that turns one spoken utterance (a WAV file the
 * page recorded) into text, and the limits every utterance keeps. Audio is never stored: it lives in memory for
 * the one request that carries it and is neither written to disk nor logged.
 * <p>
 * Where the words are heard depends on what is configured: an OpenAI-compatible transcription server
 * ({@code voice.openai}, {@code STT_BASE_URL}); otherwise the browser's own speech recognition, or the avatar
 * provider's voice chat when its session listens to the person itself. Vendors live in sub-packages; nothing
 * outside this package depends on them.
 */
@NullMarked
package app.avatarcall.voice;

import org.jspecify.annotations.NullMarked;
