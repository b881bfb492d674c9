package app.avatarcall.avatar.liveavatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarCatalog;
import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageCommand;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.avatar.StageSetup;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The LiveAvatar provider against the in-process fake, over real HTTP, through the avatar SPI only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "fake-liveavatar"})
@Import(TestBeans.class)
class LiveAvatarProviderContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AvatarSpec SPEC = new AvatarSpec("ava", "female", Locale.forLanguageTag("ru"));

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    private final List<AvatarSession> sessions = new ArrayList<>();
    private final List<StageCommand> commands = new ArrayList<>();
    private final List<AvatarEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LiveAvatarProperties properties(String key, String contextId) {
        return new LiveAvatarProperties(key, URI.create("http://localhost:" + port + "/fake-liveavatar"),
                "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a", null, contextId, true, Duration.ofSeconds(5),
                Duration.ofSeconds(30), LiveAvatarProperties.Mode.FULL);
    }

    private LiveAvatarApi api() {
        return new LiveAvatarApi(properties("fake-liveavatar-key", null));
    }

    private LiveAvatarProvider provider() {
        return new LiveAvatarProvider(properties("fake-liveavatar-key", null), clock);
    }

    private AvatarSession open() {
        AvatarSession session = provider().open(SPEC);
        sessions.add(session);
        session.onEvent(events::add);
        return session;
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

    @Test
    void the_browser_gets_a_livekit_room_and_the_avatars_identity_and_never_the_key() {
        AvatarSession session = open();

        StageSetup.LiveKitRoom room = (StageSetup.LiveKitRoom) session.stage();
        assertThat(room.url()).startsWith("wss://");
        assertThat(room.avatarIdentity()).isEqualTo("heygen");
        assertThat(room.toString()).doesNotContain("fake-liveavatar-key");
        assertThat(api().activeSessions()).contains(session.id());
    }

    @Test
    void repeat_and_talk_travel_as_data_channel_commands_through_the_stage() throws Exception {
        AvatarSession session = open();
        String early = session.speak("Привет", SpeechMode.REPEAT);
        session.attach(commands::add);
        String answer = session.speak("Расскажи о себе", SpeechMode.TALK);
        session.interrupt();

        List<JsonNode> sent = commands.stream().map(StageCommand.Publish.class::cast)
                .peek(publish -> assertThat(publish.topic()).isEqualTo("agent-control"))
                .map(publish -> JSON.readTree(publish.payload())).toList();
        assertThat(sent).extracting(command -> command.path("event_type").asString())
                .containsExactly("avatar.speak_text", "avatar.speak_response", "avatar.interrupt");
        assertThat(sent.get(0).path("event_id").asString()).isEqualTo(early);
        assertThat(sent.get(0).path("text").asString()).isEqualTo("Привет");
        assertThat(sent.get(1).path("event_id").asString()).isEqualTo(answer);
        assertThat(sent.get(2).has("event_id")).isFalse();
    }

    @Test
    void the_avatars_data_channel_events_become_avatar_events() {
        AvatarSession session = open();
        String id = session.speak("Привет", SpeechMode.REPEAT);
        String sessionId = session.id();

        session.report(new StageReport.Ready());
        session.report(data("avatar.speak_started", id, null));
        session.report(data("avatar.transcription.chunk", id, "При"));
        session.report(data("avatar.transcription.chunk", id, "вет"));
        session.report(data("avatar.speak_ended", id, null));
        session.report(new StageReport.DataReceived("agent-response", "{\"event_type\":\"session.stopped\",\"session_id\":\""
                + sessionId + "\",\"source_event_id\":null,\"end_reason\":\"IDLE_TIMEOUT\"}"));
        session.report(new StageReport.DataReceived("agent-response", "not json"));

        assertThat(events).containsExactly(new AvatarEvent.StreamReady(), new AvatarEvent.SpeakingStarted(id),
                new AvatarEvent.CaptionUpdated(id, "При"), new AvatarEvent.CaptionUpdated(id, "Привет"),
                new AvatarEvent.SpeakingEnded(id, false), new AvatarEvent.SessionStopped("IDLE_TIMEOUT"));
    }

    @Test
    void an_interrupted_utterance_ends_as_interrupted() {
        AvatarSession session = open();
        String id = session.speak("Длинная речь", SpeechMode.REPEAT);
        session.report(data("avatar.speak_started", id, null));

        session.interrupt();
        session.report(data("avatar.speak_ended", id, null));

        assertThat(events).last().isEqualTo(new AvatarEvent.SpeakingEnded(id, true));
    }

    @Test
    void the_catalogue_lists_the_faces_ready_to_use_with_their_pictures_and_the_voices_and_contexts() {
        AvatarCatalog catalog = provider().catalog();

        assertThat(catalog.faces()).extracting(AvatarCatalog.Face::name).containsExactly("Sandbox avatar", "Anna");
        assertThat(catalog.voices()).extracting(AvatarCatalog.Voice::language).containsExactly("ru", "en");
        assertThat(catalog.contexts()).extracting(AvatarCatalog.Context::name).containsExactly("Product FAQ");
        assertThat(provider().previewImage(SPEC)).contains("https://files.example/previews/sandbox.webp");
    }

    @Test
    void a_lost_speak_ended_is_made_up_for_by_livekits_active_speakers() throws Exception {
        AvatarSession session = open();
        String id = session.speak("Привет", SpeechMode.REPEAT);
        session.report(data("avatar.speak_started", id, null));
        session.report(new StageReport.AvatarAudible(true));

        session.report(new StageReport.AvatarAudible(false)); // and no avatar.speak_ended ever comes

        await(() -> events.contains(new AvatarEvent.SpeakingEnded(id, false)));
    }

    @Test
    void closing_stops_the_session_at_the_provider() throws Exception {
        AvatarSession session = open();
        session.keepAlive();

        session.close("hung up");
        session.close("again");

        await(() -> !api().activeSessions().contains(session.id()));
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
    void with_a_context_the_avatar_answers_itself() {
        AvatarSession session = new LiveAvatarProvider(properties("fake-liveavatar-key", "ctx-1"), clock).open(SPEC);
        sessions.add(session);
        assertThat(session.answersItself()).isTrue();
        assertThat(open().answersItself()).isFalse();
    }

    @Test
    void reconciliation_stops_the_sessions_no_call_owns_and_spares_young_ones() {
        AvatarSession owned = open();
        String orphan = api().start(api().createToken("dd73ea75-1218-4ef3-92ce-606d5f7fbc0a", Locale.ENGLISH, null,
                null, true)).sessionId();
        clock.advance(Duration.ofMinutes(2));
        String young = api().start(api().createToken("dd73ea75-1218-4ef3-92ce-606d5f7fbc0a", Locale.ENGLISH, null,
                null, true)).sessionId();

        int stopped = provider().reconcile(java.util.Set.of(owned.id()), Duration.ofMinutes(1));

        assertThat(stopped).isEqualTo(1);
        assertThat(api().activeSessions()).containsExactlyInAnyOrder(owned.id(), young).doesNotContain(orphan);
        api().stop(young, "USER_CLOSED");
    }

    @Test
    void what_liveavatar_heard_the_person_say_becomes_their_message() {
        AvatarSession session = open();
        session.attach(commands::add);
        assertThat(session.listensToPerson()).isTrue();

        session.report(data("user.speak_started", null, null));
        session.report(data("user.transcription", null, " Кто ты? "));
        session.report(data("user.transcription", null, "  "));

        assertThat(events).containsExactly(new AvatarEvent.PersonSpoke("Кто ты?"));
        session.speak("Кто ты?", SpeechMode.TALK); // nothing answers by itself without a context: the call asks
        assertThat(commands).hasSize(1);
    }

    @Test
    void an_avatar_that_answers_what_it_heard_is_not_asked_twice_and_its_answer_is_shown_as_the_calls() {
        AvatarSession session = new LiveAvatarProvider(properties("fake-liveavatar-key", "ctx-1"), clock).open(SPEC);
        sessions.add(session);
        session.onEvent(events::add);
        session.attach(commands::add);

        session.report(data("user.transcription", null, "Кто ты?"));
        String id = session.speak("Кто ты?", SpeechMode.TALK); // what the call asks with the heard words
        session.report(data("avatar.speak_started", "its-own-answer", null));
        session.report(data("avatar.transcription", "its-own-answer", "Я Ава."));
        session.report(data("avatar.speak_ended", "its-own-answer", null));

        assertThat(commands).isEmpty();
        assertThat(events).containsExactly(new AvatarEvent.PersonSpoke("Кто ты?"), new AvatarEvent.SpeakingStarted(id),
                new AvatarEvent.CaptionUpdated(id, "Я Ава."), new AvatarEvent.SpeakingEnded(id, false));

        session.report(data("user.transcription", null, "Повтори это"));
        session.speak("Повтори это", SpeechMode.REPEAT); // Repeat: its own answer is cut, the words are said
        assertThat(commands).map(command -> JSON.readTree(((StageCommand.Publish) command).payload())
                .path("event_type").asString()).containsExactly("avatar.interrupt", "avatar.speak_text");
    }

    private static StageReport data(String type, String source, String text) {
        var event = JSON.createObjectNode().put("event_id", "e-" + type).put("event_type", type)
                .put("session_id", "s").put("source_event_id", source);
        if (text != null) {
            event.put("text", text);
        }
        return new StageReport.DataReceived("agent-response", event.toString());
    }
}
