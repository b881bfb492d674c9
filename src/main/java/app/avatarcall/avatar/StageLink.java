package app.avatarcall.avatar;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A session's line to the page's stage: commands sent before the page attaches wait for it, and nothing is sent once
 * the session is closed. Thread-safe; commands are delivered outside the lock, in order.
 */
public final class StageLink {

    private final List<StageCommand> pending = new ArrayList<>();
    private @Nullable StageChannel channel;
    private boolean closed;

    public void attach(StageChannel stage) {
        List<StageCommand> queued;
        synchronized (this) {
            channel = stage;
            queued = List.copyOf(pending);
            pending.clear();
        }
        queued.forEach(stage::send);
    }

    public void send(StageCommand command) {
        StageChannel target;
        synchronized (this) {
            if (closed) {
                return;
            }
            target = channel;
            if (target == null) {
                pending.add(command);
                return;
            }
        }
        target.send(command);
    }

    /** Closes the link; returns false if it already was (so that a session stops its vendor session only once). */
    public synchronized boolean close() {
        boolean wasOpen = !closed;
        closed = true;
        pending.clear();
        return wasOpen;
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}
