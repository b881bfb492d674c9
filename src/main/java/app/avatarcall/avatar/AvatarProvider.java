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

    /** What this provider offers: faces (with preview images), voices and contexts, for operators to choose from. */
    default AvatarCatalog catalog() {
        return AvatarCatalog.EMPTY;
    }

    /** The preview image of the face a session with this spec would show, for the ringing screen. */
    default java.util.Optional<String> previewImage(AvatarSpec spec) {
        return java.util.Optional.empty();
    }

    /**
     * Stops the sessions the vendor still runs for us that no live call owns (left behind by a crash or a lost
     * stop), sparing any younger than {@code grace}, which may be opening right now. Returns how many it stopped.
     */
    default int reconcile(java.util.Set<String> owned, java.time.Duration grace) {
        return 0; // nothing runs remotely
    }
}
