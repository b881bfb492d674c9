package app.avatarcall.branding;

/** An upload that is not taken as a logo, and why (the console says it in the operator's language). */
public class LogoRefused extends Exception {

    public enum Reason { TOO_LARGE, TOO_MANY_PIXELS, SVG, NOT_AN_IMAGE }

    private final Reason reason;

    LogoRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The translation key of what the console tells the operator. */
    public String messageKey() {
        return "branding.logo.error." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
