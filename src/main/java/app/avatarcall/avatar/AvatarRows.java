package app.avatarcall.avatar;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The avatar tables: one row per avatar, one per persona (language). Writes are whole: avatar and personas at once. */
@Repository
class AvatarRows {

    private static final Logger log = LoggerFactory.getLogger(AvatarRows.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AvatarRows(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    AvatarDirectory.Listing load() {
        Map<String, Map<String, AvatarProfile.Persona>> personas = new HashMap<>();
        jdbc.sql("select avatar_id, language, name, role, greeting, prompt from avatar_persona")
                .query(rs -> {
                    personas.computeIfAbsent(rs.getString("avatar_id"), id -> new HashMap<>())
                            .put(rs.getString("language"), new AvatarProfile.Persona(rs.getString("name"),
                                    rs.getString("role"), rs.getString("greeting"), rs.getString("prompt")));
                });
        List<AvatarProfile> avatars = new ArrayList<>();
        jdbc.sql("select * from avatar order by position, id").query(rs -> {
            try {
                avatars.add(new AvatarProfile(rs.getString("id"), rs.getString("look"), rs.getString("voice"),
                        personas.getOrDefault(rs.getString("id"), Map.of()), rs.getString("language"),
                        SpeechMode.valueOf(rs.getString("starts_in")), rs.getDouble("voice_speed"),
                        rs.getString("voice_emotion"), rs.getString("context")));
            } catch (IllegalArgumentException e) {
                // A row edited by hand past the rules: that avatar is left out, the others still ring.
                log.error("avatar {} in the database is not usable: {}", rs.getString("id"), e.getMessage());
            }
        });
        String defaultId = jdbc.sql("select id from avatar where is_default").query(String.class).optional()
                .orElse(avatars.isEmpty() ? "" : avatars.getFirst().id());
        return new AvatarDirectory.Listing(avatars, defaultId);
    }

    void save(AvatarProfile avatar) {
        transaction.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            int updated = jdbc.sql("update avatar set look = ?, voice = ?, voice_speed = ?, voice_emotion = ?, "
                            + "language = ?, starts_in = ?, context = ?, updated_at = ? where id = ?")
                    .params(avatar.look(), avatar.voice(), avatar.voiceSpeed(), avatar.voiceEmotion(),
                            avatar.language(), avatar.startsIn().name(), avatar.context(), now, avatar.id())
                    .update();
            if (updated == 0) {
                int position = jdbc.sql("select coalesce(max(position), 0) + 1 from avatar").query(Integer.class)
                        .single();
                jdbc.sql("insert into avatar (id, look, voice, voice_speed, voice_emotion, language, starts_in, "
                                + "context, is_default, position, updated_at) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(avatar.id(), avatar.look(), avatar.voice(), avatar.voiceSpeed(), avatar.voiceEmotion(),
                                avatar.language(), avatar.startsIn().name(), avatar.context(), position == 1, position,
                                now)
                        .update();
            }
            jdbc.sql("delete from avatar_persona where avatar_id = ?").param(avatar.id()).update();
            avatar.personas().forEach((language, persona) -> jdbc.sql("insert into avatar_persona "
                            + "(avatar_id, language, name, role, greeting, prompt) values (?, ?, ?, ?, ?, ?)")
                    .params(avatar.id(), language, persona.name(), persona.role(), persona.greeting(), persona.prompt())
                    .update());
        });
    }

    /** Its personas and knowledge go with it (the foreign keys cascade). */
    void delete(String id) {
        jdbc.sql("delete from avatar where id = ? and not is_default").param(id).update();
    }

    void makeDefault(String id) {
        transaction.executeWithoutResult(status ->
                jdbc.sql("update avatar set is_default = (id = ?)").param(id).update());
    }
}
