/**
 * Speech synthesis for avatars that render a face from our audio (LiveAvatar LITE mode): text in, PCM16 24 kHz mono
 * out, streamed so that the first second can be sent before the rest is made. It lives under {@code avatar} because
 * only avatar sessions turn text into audio (the person's side and the demo face never do), which keeps the avatar
 * SPI free of other features. {@link app.avatarcall.avatar.speech.OpenAiSpeech} speaks OpenAI's
 * {@code POST /v1/audio/speech}, which OpenAI and local servers (Kokoro, Piper and others behind an
 * OpenAI-compatible front) answer alike; the {@code fake} sub-package serves the same contract in-process.
 */
@NullMarked
package app.avatarcall.avatar.speech;

import org.jspecify.annotations.NullMarked;
