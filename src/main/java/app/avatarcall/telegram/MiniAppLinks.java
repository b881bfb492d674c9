package app.avatarcall.telegram;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * How the Mini App is addressed: the one place that knows its URLs and {@code startapp} parameters, for the bot
 * (which builds them) and for the Mini App (which reads them).
 * <ul>
 * <li>Call an avatar: {@code <webapp>/call/<avatar>}, e.g. {@code https://call.example.com/call/max}. The bot's
 * "📞 Call" buttons and the chat menu button open this ({@code web_app} buttons carry the URL, not a start
 * parameter).</li>
 * <li>Answer a call the bot placed: {@code <webapp>/call/<avatar>?ring=<token>}. The page opens straight on the
 * ringing screen; it hands the token to {@code ScheduledCalls.redeem(token, telegramUserId)} (package
 * {@code telegram.schedule}) with the user id from the <em>validated</em> initData, and rings what that returns
 * (nothing: the call is over, expired, already answered or not theirs: call the avatar normally instead).</li>
 * <li>Links anyone can share, {@code https://t.me/<bot>?startapp=<param>} (the Main Mini App; the page sees the
 * parameter as initData's {@code start_param} and as {@code tgWebAppStartParam}): {@code <param>} is an avatar id,
 * or {@link #RING_START_PREFIX} followed by a ring token. Telegram allows {@code A-Za-z0-9_-}, up to 512 characters;
 * anyone can put anything there, so {@link #parse} treats it as untrusted input.</li>
 * <li>The admin console: {@code <webapp>/admin/login}, for the people the configuration lists as admins.</li>
 * <li>{@code /start <payload>} ({@code t.me/<bot>?start=<payload>}, up to 64 characters): an avatar id, checked by
 * {@link #avatarFor} like a start parameter.</li>
 * </ul>
 * Avatar ids never start with {@link #RING_START_PREFIX}.
 */
@Component
public class MiniAppLinks {

    /** The query parameter that carries a ring token on the Mini App's URL. */
    public static final String RING_QUERY_PARAMETER = "ring";
    /** A start parameter that carries a ring token starts with this. */
    public static final String RING_START_PREFIX = "ring-";

    private static final Pattern AVATAR_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern RING_TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    /** What a start parameter asks for. */
    public sealed interface StartParam {
        /** Call this avatar (the default one when the parameter was missing, malformed or unknown). */
        record Avatar(AvatarProfile avatar) implements StartParam {
        }

        /** Answer a call the bot placed; the token is well-formed, not yet checked: redeem it. */
        record Ring(String token) implements StartParam {
        }
    }

    private final AvatarDirectory avatars;
    private final @Nullable String webappUrl;
    private volatile @Nullable String botUsername;

    MiniAppLinks(AvatarDirectory avatars, TelegramProperties properties) {
        this.avatars = avatars;
        this.webappUrl = properties.webappUrl() == null || properties.webappUrl().isBlank()
                ? null : properties.webappUrl().strip().replaceAll("/+$", "");
        this.botUsername = properties.botUsername();
    }

    /** Reads a start parameter (or {@code /start} payload) from outside: anything odd gets the default avatar. */
    public StartParam parse(@Nullable String startParam) {
        if (startParam != null && startParam.startsWith(RING_START_PREFIX)) {
            String token = startParam.substring(RING_START_PREFIX.length());
            if (RING_TOKEN.matcher(token).matches()) {
                return new StartParam.Ring(token);
            }
        }
        return new StartParam.Avatar(avatarFor(startParam));
    }

    /** The avatar a start parameter or {@code /start} payload names; missing, malformed or unknown: the default. */
    public AvatarProfile avatarFor(@Nullable String startParam) {
        if (startParam == null || !AVATAR_ID.matcher(startParam).matches()) {
            return avatars.defaultAvatar();
        }
        return avatars.find(startParam.toLowerCase(Locale.ROOT)).orElseGet(avatars::defaultAvatar);
    }

    /** The Mini App calling this avatar. */
    public URI callUrl(AvatarProfile avatar) {
        return UriComponentsBuilder.fromUriString(webapp()).pathSegment("call", avatar.id()).build().encode().toUri();
    }

    /** The admin console's sign-in, opened in the Mini App so that Telegram vouches for the admin. */
    public URI consoleUrl() {
        return UriComponentsBuilder.fromUriString(webapp()).pathSegment("admin", "login").build().encode().toUri();
    }

    /** The Mini App ringing with a call the bot placed. */
    public URI answerUrl(AvatarProfile avatar, String ringToken) {
        return UriComponentsBuilder.fromUri(callUrl(avatar)).queryParam(RING_QUERY_PARAMETER, ringToken).build()
                .encode().toUri();
    }

    /** A link anyone can open that launches the Main Mini App with this start parameter (once the bot is known). */
    public Optional<URI> directLink(String startParam) {
        String username = botUsername;
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(UriComponentsBuilder.fromUriString("https://t.me").pathSegment(username)
                .queryParam("startapp", startParam).build().encode().toUri());
    }

    public boolean hasWebapp() {
        return webappUrl != null;
    }

    /** The bot's username, once configured or learned from Telegram. */
    public Optional<String> botUsername() {
        return Optional.ofNullable(botUsername);
    }

    /** The bot learned its username from Telegram ({@code getMe}). */
    public void learnBotUsername(String username) {
        if (botUsername == null || botUsername.isBlank()) {
            botUsername = username;
        }
    }

    private String webapp() {
        if (webappUrl == null) {
            throw new IllegalStateException("TELEGRAM_WEBAPP_URL (or APP_PUBLIC_URL) is not set: the bot cannot "
                    + "open the Mini App");
        }
        return webappUrl;
    }
}
