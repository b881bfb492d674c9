package app.avatarcall.call;

import java.time.Duration;

/**
 * How the page hears the person in a call.
 *
 * @param kind         who turns speech into text
 * @param uploadPath   where the page posts each utterance (a WAV file) when the server transcribes; empty otherwise.
 *                     It carries the call's own secret, so only this call's page can post to it
 * @param maxUtterance the longest utterance; the page stops recording there
 */
public record VoiceRoute(Kind kind, String uploadPath, Duration maxUtterance) {

    public enum Kind {
        /** The page records and uploads; the server's {@code Transcriber} transcribes. */
        SERVER,
        /** The browser's own speech recognition (Web Speech API) hears the person and hands over the text. */
        BROWSER,
        /** The avatar's own media room hears the person: the page publishes the microphone there. */
        PROVIDER
    }
}
