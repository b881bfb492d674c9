package app.avatarcall.branding;

import app.avatarcall.admin.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The app's branding, kept in the database and read afresh for every new call, so that a save applies to the next
 * call on every instance at once (one primary-key row, cheap beside ringing). Every change is audited.
 */
@Service
public class Brandings {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Brandings(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Branding current() {
        Branding look = jdbc.sql("select * from branding where id = 1").query((rs, row) -> new Branding(
                rs.getString("accent"), rs.getString("background_from"), rs.getString("background_to"),
                Branding.Scheme.valueOf(rs.getString("scheme")),
                Branding.PortraitStyle.valueOf(rs.getString("portrait")),
                Branding.ChatPlacement.valueOf(rs.getString("chat")), rs.getBoolean("captions"),
                Branding.Ringtone.valueOf(rs.getString("ringtone")), rs.getInt("ring_volume"),
                rs.getBoolean("animations"), "", ScreenTexts.NONE)).optional().orElse(Branding.DEFAULT);
        String version = jdbc.sql("select version from branding_logo where id = 1").query(String.class).optional()
                .orElse("");
        return new Branding(look.accent(), look.backgroundFrom(), look.backgroundTo(), look.scheme(), look.portrait(),
                look.chat(), look.captions(), look.ringtone(), look.ringVolume(), look.animations(), version, texts());
    }

    private ScreenTexts texts() {
        Map<ScreenText, String> english = new EnumMap<>(ScreenText.class);
        Map<ScreenText, String> russian = new EnumMap<>(ScreenText.class);
        jdbc.sql("select language, text_key, text from branding_text").query(rs -> {
            ScreenText key = ScreenText.valueOf(rs.getString("text_key"));
            ("ru".equals(rs.getString("language")) ? russian : english).put(key, rs.getString("text"));
        });
        return new ScreenTexts(english, russian);
    }

    /** The stored logo, if there is one. */
    public Optional<Logo> logo() {
        return jdbc.sql("select png, version from branding_logo where id = 1")
                .query((rs, row) -> new Logo(rs.getBytes("png"), rs.getString("version"))).optional();
    }

    /**
     * Saves a branding the operator edited. {@code newLogo} replaces the logo; without one, a draft with no logo
     * version takes the logo away and any other keeps the stored one.
     *
     * @throws IllegalArgumentException when the draft has {@link Branding#problems()}: the form shows them first
     */
    @Transactional
    public Branding save(Branding draft, @Nullable Logo newLogo, String actor) {
        if (!draft.problems().isEmpty()) {
            throw new IllegalArgumentException("branding has problems: " + draft.problems());
        }
        Branding before = current();
        jdbc.sql("""
                update branding set accent = ?, background_from = ?, background_to = ?, scheme = ?, portrait = ?,
                  chat = ?, captions = ?, ringtone = ?, ring_volume = ?, animations = ?, updated_at = ?, updated_by = ?
                where id = 1""")
                .params(draft.accent().toLowerCase(java.util.Locale.ROOT),
                        draft.backgroundFrom().toLowerCase(java.util.Locale.ROOT),
                        draft.backgroundTo().toLowerCase(java.util.Locale.ROOT), draft.scheme().name(),
                        draft.portrait().name(), draft.chat().name(), draft.captions(), draft.ringtone().name(),
                        draft.ringVolume(), draft.animations(), Timestamp.from(clock.instant()), actor)
                .update();
        saveTexts(draft.texts());
        if (newLogo != null) {
            jdbc.sql("delete from branding_logo").update();
            jdbc.sql("insert into branding_logo (id, png, version, uploaded_at) values (1, ?, ?, ?)")
                    .params(newLogo.png(), newLogo.version(), Timestamp.from(clock.instant())).update();
            audit.record(actor, "branding.logo-uploaded", "logo " + newLogo.version() + ", " + newLogo.png().length
                    + " bytes PNG");
        } else if (!draft.hasLogo() && before.hasLogo()) {
            jdbc.sql("delete from branding_logo").update();
        }
        Branding after = current();
        audit.record(actor, "branding.saved", BrandingChanges.between(before, after));
        return after;
    }

    /** Back to the app's own look: default colours and settings, no logo, the built-in texts. */
    @Transactional
    public Branding reset(String actor) {
        return save(Branding.DEFAULT, null, actor);
    }

    private void saveTexts(ScreenTexts texts) {
        jdbc.sql("delete from branding_text").update();
        for (String language : new String[] {"en", "ru"}) {
            texts.in(language).forEach((key, text) -> jdbc.sql(
                            "insert into branding_text (language, text_key, text) values (?, ?, ?)")
                    .params(language, key.name(), text).update());
        }
    }
}
