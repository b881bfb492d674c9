package app.avatarcall.telegram.miniapp.ui;

import app.avatarcall.telegram.miniapp.MiniAppSignIn;
import app.avatarcall.telegram.miniapp.TelegramUser;
import app.avatarcall.telegram.miniapp.Verdict;
import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The Telegram user a browser session belongs to, once the {@code initData} its page sent checked out. The same
 * launch sent again (a reload sends it from session storage) is not checked again: it may have aged past the window
 * while the person was in the app, and it already proved who they are to this very session.
 */
public final class MiniAppSession {

    private record Bound(TelegramUser user, String launch) implements Serializable {
    }

    private MiniAppSession() {
    }

    public static Optional<TelegramUser> user(VaadinSession session) {
        return Optional.ofNullable(session.getAttribute(Bound.class)).map(Bound::user);
    }

    /** Checks what the page sent: a verified person is bound to the session; anything forged unbinds it. */
    public static Verdict signIn(VaadinSession session, MiniAppSignIn signIn, String initData) {
        String launch = digest(initData);
        Bound bound = session.getAttribute(Bound.class);
        if (bound != null && bound.launch().equals(launch)) {
            return new Verdict.Verified(bound.user());
        }
        Verdict verdict = signIn.check(initData);
        switch (verdict) {
            case Verdict.Verified verified -> session.setAttribute(Bound.class, new Bound(verified.user(), launch));
            case Verdict.Refused refused -> session.setAttribute(Bound.class, null);
            case Verdict.Outside outside -> { } // a page without initData says nothing about who the session is
        }
        return verdict;
    }

    private static String digest(String initData) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(initData.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
