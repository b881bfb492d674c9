package app.avatarcall.avatar.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarCatalog;
import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarProvider;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageCommand;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.avatar.StageSetup;
import app.avatarcall.avatar.heygen.HeyGenStreamingApi.NewSession;
import app.avatarcall.avatar.heygen.HeyGenStreamingApi.Task;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/** The HeyGen provider against the in-process fake, over real HTTP, through the avatar SPI only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "fake-heygen"})
@Import(TestBeans.class)
class HeyGenProviderContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = HeyGenStreamingApiContractTest.KEY;
    private static final AvatarSpec SPEC = new AvatarSpec("ava", "female", Locale.forLanguageTag("ru"));

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    List<AvatarProvider> providers;
    @Autowired
    HeyGenProperties configured;

    private final List<AvatarSession> sessions = new ArrayList<>();
    private final List<AvatarEvent> events = new CopyOnWriteArrayList<>();

    private HeyGenProperties properties(String knowledgeBase) {
        return new HeyGenProperties(KEY, URI.create("http://localhost:" + port + "/fake-heygen"),
                "Ann_Therapist_public", null, "medium", null, knowledgeBase, Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30), "friendly");
    }

    private HeyGenStreamingApi api() {
        return new HeyGenStreamingApi(properties(null));
    }

    private HeyGenProvider provider() {
        return new HeyGenProvider(properties(null), clock);
    }

    private HeyGenSession open() {
        return open(provider());
    }

    private HeyGenSession open(HeyGenProvider provider) {
        HeyGenSession session = (HeyGenSession) provider.open(SPEC);
        sessions.add(session);
        session.onEvent(events::add);
        return session;
    }

    /** A session HeyGen runs that no call of ours knows about, as a crash leaves one behind. */
    private String orphan() {
        HeyGenStreamingApi api = api();
        String token = api.createToken();
        String id = api.newSession(token, "Ann_Therapist_public", Locale.ENGLISH).sessionId();
        api.start(token, id);
        return id;
    }

    @BeforeEach
    void noSessionLeftFromEarlierTests() throws Exception {
        await(() -> api().activeSessions().isEmpty());
    }

    @AfterEach
    void closeAll() {
        sessions.forEach(session -> session.close("test over"));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 5 s").isTrue();
    }

    /** The HeyGen task behind an utterance, once HeyGen has answered the task. */
    private static String taskOf(HeyGenSession session, String utterance) throws InterruptedException {
        await(() -> session.taskOf(utterance).isPresent());
        return session.taskOf(utterance).orElseThrow();
    }

    @Test
    void the_fake_heygen_profile_offers_the_heygen_provider_pointed_at_the_fake_with_its_key() {
        assertThat(providers).extracting(AvatarProvider::id).contains("heygen");
        assertThat(configured.apiKey()).isEqualTo(KEY);
        assertThat(configured.baseUrl().getPath()).isEqualTo("/fake-heygen");
        assertThat(configured.quality()).isEqualTo("medium");
        assertThat(configured.answersItself()).isFalse();
    }

    @Test
    void the_browser_gets_a_livekit_room_and_the_avatars_identity_and_never_the_key_or_the_session_token() {
        HeyGenSession session = open();

        StageSetup.LiveKitRoom room = (StageSetup.LiveKitRoom) session.stage();
        assertThat(room.url()).startsWith("wss://");
        assertThat(room.clientToken()).isNotBlank();
        assertThat(room.avatarIdentity()).isEqualTo("heygen");
        assertThat(room.toString()).doesNotContain(KEY).doesNotContain("fake-heygen-session-token");
        assertThat(api().activeSessions()).containsKey(session.id());
    }

    @Test
    void repeat_and_talk_are_heygen_tasks_sent_from_the_server_and_nothing_goes_through_the_page() throws Exception {
        HeyGenSession session = open();
        List<StageCommand> commands = new ArrayList<>();
        session.attach(commands::add);

        String said = session.speak("Привет", SpeechMode.REPEAT);
        String answered = session.speak("Расскажи о себе", SpeechMode.TALK);

        assertThat(taskOf(session, said)).isNotEqualTo(taskOf(session, answered));
        assertThat(said).isNotEqualTo(answered);
        assertThat(commands).isEmpty();
    }

    @Test
    void the_avatars_data_channel_events_become_avatar_events_about_the_utterance() throws Exception {
        HeyGenSession session = open();
        String id = session.speak("Привет", SpeechMode.REPEAT);
        String task = taskOf(session, id);

        session.report(new StageReport.Ready());
        session.report(data("avatar_start_talking", task, null));
        session.report(data("avatar_talking_message", task, "При"));
        session.report(data("avatar_talking_message", task, "вет"));
        session.report(data("avatar_end_message", task, null));
        session.report(data("avatar_stop_talking", task, null));
        session.report(data("user_talking_message", "u1", "алло"));
        session.report(new StageReport.DataReceived("", "not json"));
        session.report(new StageReport.Failed("disconnected from the avatar's room (5)"));

        assertThat(events).containsExactly(new AvatarEvent.StreamReady(), new AvatarEvent.SpeakingStarted(id),
                new AvatarEvent.CaptionUpdated(id, "При"), new AvatarEvent.CaptionUpdated(id, "Привет"),
                new AvatarEvent.SpeakingEnded(id, false),
                new AvatarEvent.SessionStopped("stage failed: disconnected from the avatar's room (5)"));
    }

    @Test
    void events_that_arrive_before_heygen_answered_the_task_wait_for_the_answer() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        List<String> queued = new CopyOnWriteArrayList<>();
        HeyGenStreamingApi slowToAnswer = new HeyGenStreamingApi(properties(null)) {
            @Override
            Task task(String token, String sessionId, String text, String taskType) {
                Task task = super.task(token, sessionId, text, taskType);
                queued.add(task.taskId()); // HeyGen has the task and may speak already; its answer is still on the way
                try {
                    answer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return task;
            }
        };
        String token = slowToAnswer.createToken();
        NewSession created = slowToAnswer.newSession(token, "Ann_Therapist_public", Locale.ENGLISH);
        slowToAnswer.start(token, created.sessionId());
        HeyGenSession session = new HeyGenSession(slowToAnswer, token, created, false, Runnable::run);
        sessions.add(session);
        session.onEvent(events::add);

        String id = session.speak("Привет", SpeechMode.REPEAT);
        await(() -> !queued.isEmpty());
        session.report(data("avatar_start_talking", queued.getFirst(), null));
        session.report(data("avatar_talking_message", queued.getFirst(), "Привет"));
        assertThat(events).isEmpty();
        answer.countDown();

        await(() -> events.size() == 2);
        assertThat(events).containsExactly(new AvatarEvent.SpeakingStarted(id), new AvatarEvent.CaptionUpdated(id, "Привет"));
    }

    @Test
    void what_heygen_says_on_its_own_is_told_under_its_own_task() {
        HeyGenSession session = open();

        session.report(data("avatar_start_talking", "opening-1", null));
        session.report(data("avatar_stop_talking", "opening-1", null));

        assertThat(events).containsExactly(new AvatarEvent.SpeakingStarted("opening-1"),
                new AvatarEvent.SpeakingEnded("opening-1", false));
    }

    @Test
    void an_interrupted_utterance_ends_as_interrupted() throws Exception {
        HeyGenSession session = open();
        String id = session.speak("Длинная речь", SpeechMode.REPEAT);
        String task = taskOf(session, id);
        session.report(data("avatar_start_talking", task, null));

        session.interrupt();
        session.report(data("avatar_stop_talking", task, null));

        assertThat(events).last().isEqualTo(new AvatarEvent.SpeakingEnded(id, true));
    }

    @Test
    void a_task_heygen_refuses_ends_its_utterance_so_the_call_does_not_wait() throws Exception {
        HeyGenSession session = open();

        String id = session.speak("а".repeat(1001), SpeechMode.REPEAT);

        await(() -> events.contains(new AvatarEvent.SpeakingEnded(id, false)));
    }

    @Test
    void a_session_heygen_closed_for_idling_ends_the_call_at_the_next_command() throws Exception {
        HeyGenSession session = open();
        clock.advance(Duration.ofMinutes(5));

        session.keepAlive();
        session.speak("Алло?", SpeechMode.REPEAT);

        await(() -> events.stream().filter(AvatarEvent.SessionStopped.class::isInstance).count() == 1);
        assertThat(events).filteredOn(AvatarEvent.SessionStopped.class::isInstance).singleElement()
                .asString().contains("session state wrong: closed");
    }

    @Test
    void a_lost_stop_talking_is_made_up_for_by_livekits_active_speakers() throws Exception {
        HeyGenSession session = open();
        String id = session.speak("Привет", SpeechMode.REPEAT);
        session.report(data("avatar_start_talking", taskOf(session, id), null));
        session.report(new StageReport.AvatarAudible(true));

        session.report(new StageReport.AvatarAudible(false)); // and no avatar_stop_talking ever comes

        await(() -> events.contains(new AvatarEvent.SpeakingEnded(id, false)));
    }

    @Test
    void the_catalogue_lists_the_faces_ready_to_use_with_their_pictures_and_the_voices() {
        AvatarCatalog catalog = provider().catalog();

        assertThat(catalog.faces()).extracting(AvatarCatalog.Face::id)
                .containsExactly("Ann_Therapist_public", "Shawn_Therapist_public");
        assertThat(catalog.voices()).extracting(AvatarCatalog.Voice::name).containsExactly("Alina", "James");
        assertThat(provider().previewImage(SPEC)).contains("https://files.example/heygen/ann.webp");
        assertThat(provider().previewImage(new AvatarSpec("Shawn_Therapist_public", "male", Locale.ENGLISH)))
                .contains("https://files.example/heygen/shawn.webp");
    }

    @Test
    void closing_stops_the_session_at_heygen_once_and_never_throws() throws Exception {
        HeyGenSession session = open();
        session.keepAlive();

        session.close("hung up");
        session.close("again");
        session.speak("после конца", SpeechMode.REPEAT);
        session.interrupt();

        await(() -> !api().activeSessions().containsKey(session.id()));
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void a_full_house_is_all_lines_busy_and_leaves_nothing_open() {
        open();
        open();
        open();
        int before = api().activeSessions().size();

        assertThatThrownBy(this::open).isInstanceOf(AvatarBusyException.class);
        assertThat(api().activeSessions()).hasSize(before);
    }

    @Test
    void with_a_knowledge_base_the_avatar_answers_itself() {
        assertThat(open(new HeyGenProvider(properties("You are Ava, a friendly product guide."), clock))
                .answersItself()).isTrue();
        assertThat(open().answersItself()).isFalse();
    }

    @Test
    void reconciliation_stops_the_sessions_no_call_owns_and_spares_young_ones() {
        AvatarSession owned = open();
        String orphan = orphan();
        clock.advance(Duration.ofMinutes(2));
        String young = orphan();

        int stopped = provider().reconcile(Set.of(owned.id()), Duration.ofMinutes(1));

        assertThat(stopped).isEqualTo(1);
        assertThat(api().activeSessions()).containsOnlyKeys(owned.id(), young).doesNotContainKey(orphan);
        api().stop(young);
    }

    private static StageReport data(String type, String task, String message) {
        var event = JSON.createObjectNode().put("type", type).put("task_id", task);
        if (message != null) {
            event.put("message", message);
        }
        return new StageReport.DataReceived("", event.toString());
    }
}
