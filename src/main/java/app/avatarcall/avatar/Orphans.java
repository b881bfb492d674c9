package app.avatarcall.avatar;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The reconciliation rule every vendor shares: stop what runs for us that no call owns and is old enough. */
public final class Orphans {

    private Orphans() {
    }

    /**
     * Stops each running session (id → started) that {@code owned} does not hold and that started before
     * {@code youngest}; returns how many it stopped.
     */
    public static int stop(Map<String, Instant> running, Set<String> owned, Instant youngest, Consumer<String> stop) {
        int stopped = 0;
        for (Map.Entry<String, Instant> session : running.entrySet()) {
            if (!owned.contains(session.getKey()) && session.getValue().isBefore(youngest)) {
                stop.accept(session.getKey());
                stopped++;
            }
        }
        return stopped;
    }
}
