package app.avatarcall.admin.ui;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.conversation.KnowledgeItems;
import app.avatarcall.testing.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A console view test with an operator signed in. The application (and its database) is shared with the other
 * tests, so the avatars and the knowledge base are put back as they were after each test.
 */
@TestPropertySource(properties = {"admin.username=operator", "admin.password=correct horse battery"})
abstract class ConsoleTest extends KaribuTest {

    @Autowired
    AvatarDirectory avatars;
    @Autowired
    KnowledgeItems knowledge;
    @Autowired
    AuditLog audit;

    private List<AvatarProfile> before = List.of();
    private String defaultBefore = "";

    @BeforeEach
    void signIn() {
        before = avatars.all();
        defaultBefore = avatars.defaultAvatar().id();
        signInAsAdmin("operator");
    }

    @AfterEach
    void putEverythingBack() {
        before.forEach(avatars::save);
        avatars.setDefault(defaultBefore);
        List<String> ids = before.stream().map(AvatarProfile::id).toList();
        avatars.all().stream().filter(avatar -> !ids.contains(avatar.id())).forEach(avatar -> avatars.delete(avatar.id()));
        knowledge.all().forEach(item -> knowledge.delete(item.id()));
    }

    /** The newest audit entry. */
    AuditLog.Entry lastAudit() {
        return audit.latest(1).getFirst();
    }
}
