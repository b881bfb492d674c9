package app.avatarcall.branding;

/** The call-screen texts an operator may put in their own words, each with the built-in translation it replaces. */
public enum ScreenText {
    INCOMING_TITLE("incoming.video-call"),
    ACCEPT("incoming.accept-label"),
    DECLINE("incoming.decline-label"),
    ENDED("over.ENDED");

    /** Long enough for a short sentence, short enough to fit a phone's screen on one or two lines. */
    public static final int MAX_LENGTH = 60;

    private final String translationKey;

    ScreenText(String translationKey) {
        this.translationKey = translationKey;
    }

    public String translationKey() {
        return translationKey;
    }
}
