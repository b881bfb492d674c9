package app.avatarcall.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The knowledge base operators keep in the database (the built-in FAQ files come on top). Every change is told as
 * {@link KnowledgeChanged}, and the responder indexes again before the change returns.
 */
@Repository
public class KnowledgeItems {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    KnowledgeItems(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public List<KnowledgeItem> all() {
        return jdbc.sql("select * from knowledge_item order by id")
                .query((rs, row) -> new KnowledgeItem(rs.getLong("id"), rs.getString("avatar_id"),
                        KnowledgeItem.Kind.valueOf(rs.getString("kind")), rs.getString("language"),
                        rs.getString("title"), lines(rs.getString("questions")), rs.getString("body")))
                .list();
    }

    /** Adds the item (id 0) or replaces the one with its id; returns it as kept. */
    public KnowledgeItem save(KnowledgeItem item) {
        Timestamp now = Timestamp.from(clock.instant());
        String questions = String.join("\n", item.questions());
        KnowledgeItem saved;
        if (item.id() == 0) {
            var key = new GeneratedKeyHolder();
            jdbc.sql("insert into knowledge_item (avatar_id, kind, language, title, questions, body, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(item.avatarId(), item.kind().name(), item.language(), item.title(), questions, item.body(),
                            now)
                    .update(key, "id");
            saved = item.withId(key.getKeyAs(Number.class).longValue());
        } else {
            jdbc.sql("update knowledge_item set avatar_id = ?, kind = ?, language = ?, title = ?, questions = ?, "
                            + "body = ?, updated_at = ? where id = ?")
                    .params(item.avatarId(), item.kind().name(), item.language(), item.title(), questions, item.body(),
                            now, item.id())
                    .update();
            saved = item;
        }
        events.publishEvent(new KnowledgeChanged(saved.id()));
        return saved;
    }

    public void delete(long id) {
        jdbc.sql("delete from knowledge_item where id = ?").param(id).update();
        events.publishEvent(new KnowledgeChanged(id));
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
