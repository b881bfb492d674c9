package app.avatarcall.call;

import java.time.Instant;

/**
 * One thing that happened in a live call, for the operator's timeline: its kind and a word of detail (a state, a
 * connection quality, a mode, seconds left), never anything that was said.
 */
public record CallMoment(Instant at, Kind kind, String detail) {

    public enum Kind {
        STATE, AVATAR_READY, SPEAKING, CONNECTION, IDLE_WARNED, IDLE_CLEARED, LINES_BUSY, MODE
    }
}
