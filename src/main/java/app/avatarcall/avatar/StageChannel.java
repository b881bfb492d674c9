package app.avatarcall.avatar;

/** The page's avatar stage, as a session sees it: a place to send commands. */
@FunctionalInterface
public interface StageChannel {

    void send(StageCommand command);
}
