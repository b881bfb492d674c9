package app.avatarcall.call;

import java.util.Set;

/** Where a call is. The four last ones are ends: a call never leaves them. */
public enum CallState {
    RINGING, CONNECTING, ACTIVE, ENDED, DECLINED, MISSED, FAILED;

    private static final Set<CallState> ENDS = Set.of(ENDED, DECLINED, MISSED, FAILED);

    public boolean isOver() {
        return ENDS.contains(this);
    }

    /** The moves a call may make; anything else is a stale or doubled request and is ignored. */
    boolean canMoveTo(CallState next) {
        return switch (this) {
            case RINGING -> next == CONNECTING || next == DECLINED || next == MISSED || next == ENDED || next == FAILED;
            case CONNECTING -> next == ACTIVE || next == ENDED || next == FAILED;
            case ACTIVE -> next == ENDED || next == FAILED;
            case ENDED, DECLINED, MISSED, FAILED -> false;
        };
    }
}
