package app.avatarcall.avatar;

/** What the browser's {@code avatar-stage} needs to show the avatar. Never carries an API key. */
public sealed interface StageSetup {

    /** The built-in face drawn in the browser, speaking with the browser's speech synthesis. */
    record DemoFace(String look, String languageTag) implements StageSetup {
    }

    /** A LiveKit room to join and the identity of the avatar participant whose tracks to show. */
    record LiveKitRoom(String url, String clientToken, String avatarIdentity) implements StageSetup {
    }
}
