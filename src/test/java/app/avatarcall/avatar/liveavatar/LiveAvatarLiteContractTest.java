package app.avatarcall.avatar.liveavatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageSetup;
import app.avatarcall.avatar.liveavatar.fake.FakeLiveAvatarController;
import app.avatarcall.avatar.liveavatar.fake.FakeLiveAvatarSocket;
import app.avatarcall.avatar.liveavatar.fake.FakeLiveAvatarSocket.Chunk;
import app.avatarcall.avatar.liveavatar.fake.FakeLiveAvatarSocket.Heard;
import app.avatarcall.avatar.speech.OpenAiSpeech;
import app.avatarcall.avatar.speech.SpeechAudio;
import app.avatarcall.avatar.speech.SpeechProperties;
import app.avatarcall.avatar.speech.SpeechSynthesizer;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * LiveAvatar in LITE mode, through the avatar SPI, against the in-process fakes of LiveAvatar (REST and the
 * session's WebSocket) and of OpenAI's speech endpoint, over real HTTP and a real WebSocket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fake-liveavatar.socket-connect-latency=500ms")
@ActiveProfiles({"test", "fake-liveavatar", "fake-tts"})
@Import(TestBeans.class)
class LiveAvatarLiteContractTest {

    private static final AvatarSpec SPEC = new AvatarSpec("ava", "female", Locale.forLanguageTag("ru"));
    private static final int FIRST_CHUNK = 28_800; // 600 ms of PCM16 at 24 kHz
    private static final int NEXT_CHUNK = 48_000; // one second

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    FakeLiveAvatarSocket sockets;
    @Autowired
    FakeLiveAvatarController liveAvatar;

    private final List<AvatarSession> sessions = new ArrayList<>();
    private final List<AvatarEvent> events = new CopyOnWriteArrayList<>();

    private LiveAvatarProperties properties(Duration callTimeout) {
        return new LiveAvatarProperties("fake-liveavatar-key", URI.create("http://localhost:" + port + "/fake-liveavatar"),
                "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a", null, null, true, Duration.ofSeconds(5), callTimeout,
                LiveAvatarProperties.Mode.LITE);
    }

    private SpeechSynthesizer speech(String baseUrl, String key) {
        return new OpenAiSpeech(new SpeechProperties(URI.create(baseUrl), key, "gpt-4o-mini-tts", "alloy", Map.of(),
                1.0, Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    private SpeechSynthesizer speech() {
        return speech("http://localhost:" + port + "/fake-tts/v1", "fake-tts-key");
    }

    private LiveAvatarApi api() {
        return new LiveAvatarApi(properties(Duration.ofSeconds(30)));
    }

    private AvatarSession open(SpeechSynthesizer speech) {
        AvatarSession session = new LiveAvatarProvider(properties(Duration.ofSeconds(30)), clock, Optional.empty(),
                speech).open(SPEC);
        sessions.add(session);
        session.onEvent(events::add);
        return session;
    }

    private Heard heard(AvatarSession session) {
        return sockets.heard(session.id()).orElseThrow();
    }

    @BeforeEach
    void noSessionLeftFromEarlierTests() throws Exception {
        await(() -> api().activeSessions().isEmpty());
    }

    @AfterEach
    void closeAll() {
        sessions.forEach(session -> session.close("test over"));
    }

    @Test
    void a_lite_session_shows_liveavatars_room_answers_nothing_itself_and_asks_for_no_room_of_ours() {
        AvatarSession session = open(speech());

        StageSetup.LiveKitRoom room = (StageSetup.LiveKitRoom) session.stage();
        assertThat(room.url()).isEqualTo("wss://fake-livekit.invalid");
        assertThat(room.avatarIdentity()).isEqualTo("heygen");
        assertThat(room.toString()).doesNotContain("fake-liveavatar-key").doesNotContain("fake-tts-key");
        assertThat(session.answersItself()).isFalse();
        assertThat(liveAvatar.liveKitConfig(session.id())).isEmpty();
        assertThat(api().activeSessions()).contains(session.id());
    }

    @Test
    void speech_streams_in_600_ms_then_one_second_chunks_under_one_event_id_and_the_utterance_ends() throws Exception {
        AvatarSession session = open(speech());
        String text = "Сегодня отличный день, чтобы поговорить о погоде.";

        long spokenAt = System.nanoTime();
        String id = session.speak(text, SpeechMode.REPEAT); // right after open: nothing may be dropped
        await(() -> events.contains(new AvatarEvent.SpeakingEnded(id, false)));

        Heard heard = heard(session);
        List<Chunk> chunks = heard.chunks();
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(3).allMatch(chunk -> chunk.eventId().equals(id));
        assertThat(chunks.getFirst().bytes()).isEqualTo(FIRST_CHUNK);
        assertThat(chunks.subList(1, chunks.size() - 1)).allMatch(chunk -> chunk.bytes() == NEXT_CHUNK);
        assertThat(chunks.getLast().bytes()).isBetween(2, NEXT_CHUNK);
        assertThat(heard.speakEnds()).containsExactly(id);
        assertThat(heard.droppedBeforeConnected()).isZero();
        assertThat(heard.problems()).isEmpty();
        // Paced: never more than a second of audio ahead of the time it takes to play. The first chunk left after
        // speak() was called, so no chunk can arrive before that moment plus the audio before it, less a second.
        long sentBefore = 0;
        for (Chunk chunk : chunks) {
            long earliest = spokenAt + Duration.ofMillis(sentBefore * 1000 / 48_000 - 1000).toNanos();
            assertThat(chunk.receivedAtNanos()).isGreaterThanOrEqualTo(earliest);
            sentBefore += chunk.bytes();
        }
        List<String> captions = events.stream().filter(AvatarEvent.CaptionUpdated.class::isInstance)
                .map(event -> ((AvatarEvent.CaptionUpdated) event).spokenText()).toList();
        assertThat(captions).isNotEmpty().last().isEqualTo(text);
        for (int i = 1; i < captions.size(); i++) {
            assertThat(captions.get(i)).startsWith(captions.get(i - 1));
        }
        assertThat(events.indexOf(new AvatarEvent.SpeakingStarted(id)))
                .isGreaterThanOrEqualTo(0).isLessThan(events.indexOf(new AvatarEvent.SpeakingEnded(id, false)));
    }

    @Test
    void the_first_audio_goes_out_before_the_whole_text_is_synthesized() throws Exception {
        HeldBack speech = new HeldBack(Duration.ofMillis(700), Duration.ofSeconds(2));
        AvatarSession session = open(speech);

        String id = session.speak("Длинный ответ, который ещё синтезируется.", SpeechMode.REPEAT);
        await(() -> sockets.heard(session.id()).map(heard -> heard.chunks(id).size() == 1).orElse(false));
        await(() -> events.contains(new AvatarEvent.SpeakingStarted(id))); // told right after that chunk went out

        assertThat(speech.heldBack()).isTrue(); // the rest is not even made yet
        assertThat(heard(session).chunks(id).getFirst().bytes()).isEqualTo(FIRST_CHUNK);

        speech.release();
        await(() -> events.contains(new AvatarEvent.SpeakingEnded(id, false)));
        assertThat(heard(session).chunks(id).stream().mapToInt(Chunk::bytes).sum()).isEqualTo(2 * 48_000 + 700 * 48);
    }

    @Test
    void an_interrupt_mid_speech_stops_the_send_loop_drops_what_was_queued_and_the_avatar_speaks_again_after()
            throws Exception {
        AvatarSession session = open(speech());
        String speaking = session.speak("Это очень длинный рассказ о том, как прошёл мой день: утром я проснулся, "
                + "выпил кофе, прочитал новости, а потом долго гулял по парку и думал о жизни.", SpeechMode.REPEAT);
        String queued = session.speak("А это уже следующая фраза.", SpeechMode.REPEAT);
        await(() -> sockets.heard(session.id()).map(heard -> heard.chunks(speaking).size() >= 2).orElse(false));

        session.interrupt();
        int sentBeforeInterrupt = heard(session).chunks(speaking).size();
        Thread.sleep(1500); // longer than the send loop ever waits between chunks

        Heard heard = heard(session);
        assertThat(heard.interrupts()).isEqualTo(1);
        assertThat(heard.chunks(speaking)).hasSize(sentBeforeInterrupt).noneMatch(Chunk::afterInterrupt);
        assertThat(heard.chunks(queued)).isEmpty();
        assertThat(heard.speakEnds()).doesNotContain(speaking, queued);
        assertThat(heard.problems()).isEmpty();
        assertThat(events).containsOnlyOnce(new AvatarEvent.SpeakingEnded(speaking, true),
                new AvatarEvent.SpeakingEnded(queued, true));
        assertThat(events).doesNotContain(new AvatarEvent.SpeakingEnded(speaking, false));

        String after = session.speak("Хорошо.", SpeechMode.REPEAT);
        await(() -> events.contains(new AvatarEvent.SpeakingEnded(after, false)));
        assertThat(heard(session).problems()).isEmpty();
    }

    @Test
    void keep_alive_travels_over_the_websocket_and_a_session_left_idle_is_closed_by_liveavatar() throws Exception {
        AvatarSession session = open(speech());

        clock.advance(Duration.ofMinutes(4));
        session.keepAlive();
        await(() -> heard(session).keepAlives() == 1);
        clock.advance(Duration.ofMinutes(4));
        assertThat(api().activeSessions()).contains(session.id());
        assertThat(events).noneMatch(AvatarEvent.SessionStopped.class::isInstance);

        clock.advance(Duration.ofMinutes(2)); // six minutes without a word: LiveAvatar's idle timeout
        await(() -> events.stream().anyMatch(AvatarEvent.SessionStopped.class::isInstance));
        assertThat(liveAvatar.endReason(session.id())).isEqualTo("IDLE_TIMEOUT");
    }

    @Test
    void closing_closes_the_websocket_and_stops_the_session_once_and_quietly() throws Exception {
        AvatarSession session = open(speech());

        session.close("hung up");
        session.close("again");

        await(() -> !api().activeSessions().contains(session.id()));
        assertThat(liveAvatar.endReason(session.id())).isEqualTo("USER_CLOSED");
        Thread.sleep(300); // the socket's end reaches us after the close: it must not be told as a stop
        assertThat(events).isEmpty();
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void a_speech_synthesizer_that_refuses_our_key_fails_the_utterance_and_stops_the_session_without_leaking_it()
            throws Exception {
        AvatarSession session = open(speech("http://localhost:" + port + "/fake-tts/v1", "sk-wrong"));

        String id = session.speak("Привет", SpeechMode.REPEAT);

        await(() -> events.contains(new AvatarEvent.SpeakingEnded(id, true)));
        await(() -> events.stream().anyMatch(AvatarEvent.SessionStopped.class::isInstance));
        AvatarEvent.SessionStopped stopped = (AvatarEvent.SessionStopped) events.stream()
                .filter(AvatarEvent.SessionStopped.class::isInstance).findFirst().orElseThrow();
        assertThat(stopped.reason()).contains("speech synthesis refused").contains("401")
                .contains("Incorrect API key provided");
        assertThat(heard(session).chunks()).isEmpty();

        session.close("the call ends, as the call service does on a stop");
        await(() -> !api().activeSessions().contains(session.id()));
    }

    @Test
    void a_speech_synthesizer_out_of_reach_fails_the_utterance_but_not_the_session() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AvatarSession session = open(speech("http://localhost:" + closedPort + "/v1", "k"));

        String id = session.speak("Привет", SpeechMode.REPEAT);

        await(() -> events.contains(new AvatarEvent.SpeakingEnded(id, true)));
        assertThat(events).noneMatch(AvatarEvent.SessionStopped.class::isInstance);
        assertThat(api().activeSessions()).contains(session.id());
    }

    @Test
    void a_websocket_that_does_not_connect_in_time_fails_the_open_and_leaves_no_session_running() throws Exception {
        int before = api().activeSessions().size();
        LiveAvatarProvider impatient = new LiveAvatarProvider(properties(Duration.ofMillis(400)), clock,
                Optional.empty(), speech()); // the fake says "connected" after 500 ms

        assertThatThrownBy(() -> impatient.open(SPEC)).isInstanceOf(AvatarUnavailableException.class)
                .hasMessageContaining("did not connect");
        await(() -> api().activeSessions().size() == before);
    }

    @Test
    void reconciliation_stops_lite_sessions_no_call_owns() throws Exception {
        AvatarSession owned = open(speech());
        AvatarSession orphan = open(speech());
        clock.advance(Duration.ofMinutes(2));

        int stopped = new LiveAvatarProvider(properties(Duration.ofSeconds(30)), clock, Optional.empty(), speech())
                .reconcile(java.util.Set.of(owned.id()), Duration.ofMinutes(1));

        assertThat(stopped).isEqualTo(1);
        assertThat(api().activeSessions()).contains(owned.id()).doesNotContain(orphan.id());
        await(() -> events.contains(new AvatarEvent.SessionStopped(
                "LiveAvatar says the session is closed"))); // its socket tells the orphan it is over
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 15 s").isTrue();
    }

    /** A synthesizer that makes the start of its audio at once and holds the rest back until released. */
    private static final class HeldBack implements SpeechSynthesizer {

        private final int first;
        private final int rest;
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean holding;

        HeldBack(Duration first, Duration rest) {
            this.first = SpeechSynthesizer.bytes(first);
            this.rest = SpeechSynthesizer.bytes(rest);
        }

        boolean heldBack() {
            return holding;
        }

        void release() {
            released.countDown();
        }

        @Override
        public SpeechAudio synthesize(String text, Locale language, @Nullable String voice) {
            return new SpeechAudio() {
                private int made;

                @Override
                public int read(byte[] into, int offset, int length) {
                    if (made == first) {
                        holding = true;
                        try {
                            released.await(15, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        holding = false;
                    }
                    int available = (made < first ? first : first + rest) - made;
                    if (available <= 0) {
                        return -1;
                    }
                    int n = Math.min(length, available);
                    for (int i = 0; i < n; i++) {
                        into[offset + i] = (byte) ((made + i) % 2 == 0 ? 0x40 : 0x10); // a quiet square-ish tone
                    }
                    made += n;
                    return n;
                }

                @Override
                public void close() {
                    released.countDown();
                }
            };
        }
    }
}
