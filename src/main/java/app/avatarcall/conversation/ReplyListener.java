package app.avatarcall.conversation;

import app.avatarcall.avatar.Emotion;

/**
 * Hears a reply as it is written: its feeling, then each sentence the moment it is complete, then the end. Calls
 * come in that order, one at a time, on whatever thread writes the reply. A call already on its way when
 * {@link Answering#cancel()} runs may still arrive, so listeners ignore anything after they cancelled.
 */
public interface ReplyListener {

    /** How the reply feels; may come again once, when a neutral start turns out to have a feeling after all. */
    void emotion(Emotion emotion);

    /** The next complete sentence, fit to be said and shown. */
    void sentence(String sentence);

    /** Nothing more will come (after a failure, the last sentence was an apology). */
    void finished();
}
