package app.avatarcall.telegram.miniapp;

/** Why an {@code initData} was not taken. The reason is for logs; people are shown a localized page instead. */
public final class InitDataRefused extends Exception {

    public enum Reason { MISSING, MALFORMED, BAD_HASH, BAD_SIGNATURE, EXPIRED, NO_USER }

    private final Reason reason;

    InitDataRefused(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
