package app.avatarcall.call;

/** Why a call ended; kept in the call record. */
public enum EndReason {
    HUNG_UP, DECLINED, MISSED, CANCELLED, TAB_CLOSED, IDLE, MAX_DURATION, PROVIDER_STOPPED, PROVIDER_FAILED, LINES_BUSY,
    /** An operator ended it from the admin console. */
    ENDED_BY_OPERATOR
}
