package app.avatarcall.avatar;

/**
 * The provider has no free session for us now (its concurrency limit) or asks us to slow down (its rate limit); trying
 * again later may work.
 */
public class AvatarBusyException extends AvatarUnavailableException {

    public AvatarBusyException(String message) {
        super(message);
    }
}
