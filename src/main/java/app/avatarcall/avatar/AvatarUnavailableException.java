package app.avatarcall.avatar;

/** The provider could not open or keep a session: refused, unreachable or at its concurrency limit. */
public class AvatarUnavailableException extends RuntimeException {

    public AvatarUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public AvatarUnavailableException(String message) {
        super(message);
    }
}
