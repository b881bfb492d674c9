package app.avatarcall.call;

/** What became of a message the person sent. */
public sealed interface SendResult {

    record Sent() implements SendResult {
    }

    /** Empty or only white space. */
    record Empty() implements SendResult {
    }

    record TooLong(int length, int max) implements SendResult {
    }

    /** The call is not live (still ringing, connecting, or over). */
    record NotInCall() implements SendResult {
    }
}
