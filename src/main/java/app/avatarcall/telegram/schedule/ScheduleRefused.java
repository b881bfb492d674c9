package app.avatarcall.telegram.schedule;

/** A call that cannot be scheduled, and why; the message says it in plain words for the operator. */
public class ScheduleRefused extends RuntimeException {

    /** Why a call was not scheduled. */
    public enum Reason { NOT_STARTED, BLOCKED, UNKNOWN_AVATAR, OPENING_TOO_LONG, IN_THE_PAST }

    private final Reason reason;

    ScheduleRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
