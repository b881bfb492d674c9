package app.avatarcall.voice;

import java.util.Locale;

/**
 * One thing the person said: a WAV file (16 kHz mono PCM is what whisper servers like best) and the language of
 * the call, which tells the service what to listen for.
 */
public record Utterance(byte[] wav, Locale language) {

    @Override
    public String toString() {
        return "Utterance[" + wav.length + " bytes, " + language.toLanguageTag() + "]"; // never the audio itself
    }
}
