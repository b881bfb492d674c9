package app.avatarcall.avatar;

/** Opens avatar sessions with one vendor (or the built-in demo). Implementations are Spring beans. */
public interface AvatarProvider {

    /** The configuration name of this provider: {@code demo}, {@code liveavatar}, {@code heygen}. */
    String id();

    /**
     * Opens a session and starts the avatar. May block for as long as the vendor takes (tens of seconds are seen),
     * so callers run it off the UI thread.
     *
     * @throws AvatarUnavailableException when the vendor refuses or cannot be reached
     */
    AvatarSession open(AvatarSpec spec);
}
