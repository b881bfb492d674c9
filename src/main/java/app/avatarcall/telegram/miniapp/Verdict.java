package app.avatarcall.telegram.miniapp;

/** What the server made of the {@code initData} a page sent: who the person is, as far as it can tell. */
public sealed interface Verdict {

    /** Telegram vouches for this person. */
    record Verified(TelegramUser user) implements Verdict {
    }

    /** Not opened in Telegram (no {@code initData}), or no bot token to check it with: an anonymous web user. */
    record Outside() implements Verdict {
    }

    /** {@code initData} came but is forged, tampered with, expired or unusable: nobody is let in on it. */
    record Refused(InitDataRefused.Reason reason) implements Verdict {
    }
}
