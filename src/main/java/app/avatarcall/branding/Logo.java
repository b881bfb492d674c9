package app.avatarcall.branding;

/** A logo as the server re-encoded it: a PNG of at most {@link LogoImages#MAX_SIDE} pixels a side. */
public record Logo(byte[] png, String version) {

    public String dataUrl() {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
    }
}
