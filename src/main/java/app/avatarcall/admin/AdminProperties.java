package app.avatarcall.admin;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may enter the admin console.
 *
 * @param username       the admin account the configuration sets ({@code ADMIN_USERNAME}); with no account at all,
 *                       the console asks for one at first run
 * @param password       its password ({@code ADMIN_PASSWORD}), kept only as a hash; no default
 * @param telegramIds    Telegram users let in by the {@code initData} their Mini App was opened with
 *                       ({@code TELEGRAM_ADMIN_IDS})
 * @param sessionTimeout an admin's session ends after this long without a request
 */
@ConfigurationProperties("admin")
public record AdminProperties(@DefaultValue("") String username, @DefaultValue("") String password,
                              @DefaultValue Set<Long> telegramIds, @DefaultValue("30m") Duration sessionTimeout) {

    public static final int MIN_PASSWORD = 12;

    public boolean isTelegramAdmin(long telegramId) {
        return telegramIds.contains(telegramId);
    }
}
