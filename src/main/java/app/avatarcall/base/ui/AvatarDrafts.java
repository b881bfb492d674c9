package app.avatarcall.base.ui;

import app.avatarcall.avatar.AvatarProfile;
import com.vaadin.flow.server.VaadinSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Avatars an operator is still editing, kept in their own browser session so that a test call ({@code
 * /call/{id}?draft=token}) shows the unsaved settings. A token is only good in the session that made it: a link
 * passed to anybody else, or guessed, calls the saved avatar as if there were no token.
 */
public final class AvatarDrafts {

    public static final String QUERY_PARAMETER = "draft";
    /** An operator tries a handful of drafts; older ones give way so that a session does not fill up with them. */
    private static final int KEPT = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AvatarDrafts() {
    }

    /** Keeps the draft in the session; returns the token that finds it there. */
    public static String keep(VaadinSession session, AvatarProfile draft) {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        session.lock();
        try {
            drafts(session).put(token, draft);
        } finally {
            session.unlock();
        }
        return token;
    }

    /** The draft the token stands for in this session, if it is one of the avatar with that id. */
    public static Optional<AvatarProfile> find(VaadinSession session, @Nullable String token,
                                               @Nullable String avatarId) {
        if (token == null || avatarId == null) {
            return Optional.empty();
        }
        session.lock();
        try {
            return Optional.ofNullable(drafts(session).get(token)).filter(draft -> draft.id().equals(avatarId));
        } finally {
            session.unlock();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AvatarProfile> drafts(VaadinSession session) {
        Object kept = session.getAttribute(AvatarDrafts.class.getName());
        if (kept instanceof Map<?, ?> map) {
            return (Map<String, AvatarProfile>) map;
        }
        Map<String, AvatarProfile> drafts = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AvatarProfile> eldest) {
                return size() > KEPT;
            }
        };
        session.setAttribute(AvatarDrafts.class.getName(), drafts);
        return drafts;
    }
}
