package app.avatarcall.telegram.bot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.telegram.telegrambots.meta.api.objects.User;

/** The people who wrote to the bot (H2 or PostgreSQL; the schema is Flyway's). */
@Repository
public class BotUsers {

    private final JdbcClient jdbc;
    private final Clock clock;

    BotUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** They wrote to the bot: their names and language are refreshed, and writing means they no longer block it. */
    BotUser seen(User from) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        update telegram_user set first_name = ?, last_name = ?, username = ?, language_code = ?,
                            blocked_at = null, updated_at = ? where id = ?""")
                .params(firstName(from), clip(from.getLastName(), 256), clip(from.getUserName(), 64),
                        clip(from.getLanguageCode(), 16), now, from.getId())
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                                insert into telegram_user (id, first_name, last_name, username, language_code, updated_at)
                                values (?, ?, ?, ?, ?, ?)""")
                        .params(from.getId(), firstName(from), clip(from.getLastName(), 256),
                                clip(from.getUserName(), 64), clip(from.getLanguageCode(), 16), now)
                        .update();
            } catch (DuplicateKeyException raced) {
                return seen(from); // another update of theirs inserted them first
            }
        }
        return find(from.getId()).orElseThrow();
    }

    /** They sent {@code /start}, maybe with an avatar chosen by a deep link. */
    BotUser started(User from, String avatarId) {
        seen(from);
        jdbc.sql("update telegram_user set started_at = coalesce(started_at, ?), avatar_id = ? where id = ?")
                .params(Timestamp.from(clock.instant()), avatarId, from.getId())
                .update();
        return find(from.getId()).orElseThrow();
    }

    void chooseAvatar(long id, String avatarId) {
        jdbc.sql("update telegram_user set avatar_id = ? where id = ?").params(avatarId, id).update();
    }

    void chooseLanguage(long id, String language) {
        jdbc.sql("update telegram_user set language = ? where id = ?").params(language, id).update();
    }

    /** Telegram said they blocked the bot (403), or left the chat with it. */
    public void markBlocked(long id) {
        jdbc.sql("update telegram_user set blocked_at = ? where id = ? and blocked_at is null")
                .params(Timestamp.from(clock.instant()), id)
                .update();
    }

    void markUnblocked(long id) {
        jdbc.sql("update telegram_user set blocked_at = null where id = ?").param(id).update();
    }

    /** The operator sets the time zone that daily and weekly calls keep to. */
    public boolean setTimeZone(long id, ZoneId zone) {
        return jdbc.sql("update telegram_user set time_zone = ? where id = ?").params(zone.getId(), id).update() == 1;
    }

    public Optional<BotUser> find(long id) {
        return jdbc.sql("select * from telegram_user where id = ?").param(id).query(BotUsers::map).optional();
    }

    private static BotUser map(ResultSet rs, int row) throws SQLException {
        return new BotUser(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("username"), rs.getString("language_code"), rs.getString("language"),
                rs.getString("avatar_id"), rs.getString("time_zone"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("blocked_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static String firstName(User from) {
        String name = clip(from.getFirstName(), 256);
        return name == null ? "" : name; // Telegram always sends one; a malformed update must not fail the insert
    }

    private static @Nullable String clip(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
