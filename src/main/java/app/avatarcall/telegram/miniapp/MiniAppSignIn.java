package app.avatarcall.telegram.miniapp;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells who opened the Mini App from the raw {@code initData} the page sent (never from anything else the page
 * says), and whether people outside Telegram are let in.
 */
@Component
public class MiniAppSignIn {

    private static final Logger log = LoggerFactory.getLogger(MiniAppSignIn.class);
    private static final Pattern BOT_USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");

    private final @Nullable InitDataValidator validator;
    private final MiniAppProperties properties;

    MiniAppSignIn(MiniAppProperties properties, Clock clock) {
        this.properties = properties;
        String token = properties.botToken();
        this.validator = token == null || token.isBlank() ? null : new InitDataValidator(token.strip(),
                properties.miniApp().authWindow(), telegramKey(properties), clock);
    }

    private static @Nullable String telegramKey(MiniAppProperties properties) {
        if (!properties.miniApp().checkSignature()) {
            return null;
        }
        return properties.testServer() ? InitDataValidator.TEST_ENVIRONMENT_KEY : InitDataValidator.PRODUCTION_KEY;
    }

    public Verdict check(@Nullable String initData) {
        if (initData == null || initData.isBlank()) {
            return new Verdict.Outside();
        }
        if (validator == null) {
            log.warn("the Mini App was opened in Telegram, but without TELEGRAM_BOT_TOKEN nobody can be verified: "
                    + "an anonymous web user");
            return new Verdict.Outside();
        }
        try {
            return new Verdict.Verified(validator.validate(initData));
        } catch (InitDataRefused refused) {
            log.info("initData refused: {}", refused.reason()); // never the data itself: it is a replayable credential
            return new Verdict.Refused(refused.reason());
        }
    }

    /** Whether people outside Telegram may call, as anonymous web users. */
    public boolean allowsAnonymous() {
        return properties.miniApp().allowAnonymous();
    }

    /** {@code https://t.me/<bot>}, when the bot's username is configured (and looks like one). */
    public Optional<String> botLink() {
        String username = properties.botUsername();
        if (username == null) {
            return Optional.empty();
        }
        String name = username.strip().replaceFirst("^@", "");
        return BOT_USERNAME.matcher(name).matches() ? Optional.of("https://t.me/" + name) : Optional.empty();
    }
}
