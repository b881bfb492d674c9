package app.avatarcall.avatar.liveavatar;

import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageChannel;
import app.avatarcall.avatar.StageLink;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.avatar.StageSetup;
import app.avatarcall.avatar.Utterances;
import app.avatarcall.avatar.VendorHttp;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.SessionToken;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.StartedSession;
import app.avatarcall.avatar.livekit.RoomEvent;
import app.avatarcall.avatar.livekit.RoomLease;
import app.avatarcall.avatar.speech.SpeechSynthesizer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A LiveAvatar LITE-mode session: we bring the voice, LiveAvatar renders the face. What the avatar says is
 * synthesized here and streamed to LiveAvatar over the session's WebSocket ({@link LiteVoice}); LiveAvatar's
 * {@code agent.speak_started} / {@code agent.speak_ended} become the utterance's events, and captions grow with the
 * audio sent (LITE has no transcription). The face streams into the operator's own LiveKit room when one was leased:
 * the browser then joins our server with a token we minted, and the room's webhooks end the session when the person
 * leaves. Otherwise it streams into LiveAvatar's room, as in FULL mode. Never answers by itself.
 */
final class LiveAvatarLiteSession implements AvatarSession {

    /** The identity the person's browser has in a room of ours. */
    static final String PERSON_IDENTITY = "person";
    /** The identity LiveAvatar's avatar has in a room of ours (its token says so); the stage shows its tracks. */
    static final String AVATAR_IDENTITY = "liveavatar-avatar";
    /** The identity LiveAvatar gives its avatar in its own rooms (the official SDK takes only its tracks). */
    static final String VENDOR_AVATAR_IDENTITY = "heygen";
    private static final Logger log = LoggerFactory.getLogger(LiveAvatarLiteSession.class);
    /** Refusals that will not pass by waiting: a wrong key, model or voice. The call cannot go on without a voice. */
    private static final Set<Integer> FOR_GOOD = Set.of(400, 401, 403, 404);

    private final LiveAvatarApi api;
    private final StartedSession started;
    private final @Nullable RoomLease room;
    private final Executor background;
    private final StageLink link = new StageLink();
    private final Utterances utterances;
    /** Utterances asked for and not yet over; an end told twice (by LiveAvatar and by us) is told once. */
    private final Set<String> unfinished = new LinkedHashSet<>();
    private final LiteSocket socket;
    private final LiteVoice voice;
    private volatile Consumer<AvatarEvent> listener = event -> { };

    LiveAvatarLiteSession(LiveAvatarApi api, SessionToken token, StartedSession started, @Nullable RoomLease room,
                          OkHttpClient sockets, SpeechSynthesizer speech, Locale language, Duration connectWait,
                          Executor background) {
        this.api = api;
        this.started = started;
        this.room = room;
        this.background = background;
        this.utterances = new Utterances(background, this::emit, link::isClosed);
        if (started.wsUrl() == null) {
            throw new AvatarUnavailableException("LiveAvatar started LITE session " + token.sessionId()
                    + " without a ws_url");
        }
        this.socket = new LiteSocket(sockets, started.wsUrl(), this::onSocketEvent, this::stopped);
        this.voice = new LiteVoice(socket, speech, language, connectWait, new LiteVoice.Listener() {
            @Override
            public void captioned(String utteranceId, String spoken) {
                if (isUnfinished(utteranceId)) {
                    utterances.captioned(utteranceId, spoken, false);
                }
            }

            @Override
            public void failed(String utteranceId, AvatarUnavailableException failure) {
                onVoiceFailed(utteranceId, failure);
            }
        });
        if (room != null) {
            room.onEvent(this::onRoomEvent);
        }
    }

    /** Waits until LiveAvatar's WebSocket says the session is connected. */
    boolean awaitConnected(Duration timeout) {
        return socket.awaitConnected(timeout);
    }

    @Override
    public String id() {
        return started.sessionId();
    }

    @Override
    public StageSetup stage() {
        if (room != null) {
            return new StageSetup.LiveKitRoom(room.url(), room.personToken(PERSON_IDENTITY), AVATAR_IDENTITY);
        }
        return new StageSetup.LiveKitRoom(started.livekitUrl(), started.livekitClientToken(), VENDOR_AVATAR_IDENTITY);
    }

    @Override
    public boolean answersItself() {
        return false; // LITE avatars say what we give them; our responder answers
    }

    @Override
    public void attach(StageChannel channel) {
        link.attach(channel); // the stage only shows the room: commands travel on the WebSocket
    }

    @Override
    public void report(StageReport report) {
        if (isClosed() || report instanceof StageReport.DataReceived) {
            return;
        }
        if (report instanceof StageReport.AvatarAudible audible) {
            utterances.audible(audible.audible()); // backs up a lost agent.speak_ended
            return;
        }
        report.asEvent().ifPresent(this::emit);
    }

    @Override
    public void onEvent(Consumer<AvatarEvent> listener) {
        this.listener = listener;
    }

    /** Says {@code text} word for word, in either mode: a LITE avatar has no language model of its own. */
    @Override
    public String speak(String text, SpeechMode mode) {
        String utteranceId = UUID.randomUUID().toString();
        synchronized (unfinished) {
            unfinished.add(utteranceId);
        }
        voice.say(utteranceId, text);
        return utteranceId;
    }

    @Override
    public void interrupt() {
        utterances.interrupting();
        voice.interrupt();
        List<String> cut;
        synchronized (unfinished) {
            cut = List.copyOf(unfinished);
        }
        cut.forEach(utterances::cutOff);
    }

    @Override
    public void showEmotion(Emotion emotion) {
        voice.tone(emotion); // LiveAvatar has no expression control; in LITE mode the tone is in our voice
    }

    @Override
    public void keepAlive() {
        if (!isClosed()) {
            socket.send(Map.of("type", "session.keep_alive", "event_id", UUID.randomUUID().toString()));
        }
    }

    @Override
    public void close(String reason) {
        if (!link.close()) {
            return;
        }
        voice.close();
        socket.close();
        // Off the caller's thread (often a UI thread); the API retries what may be repeated.
        background.execute(() -> {
            try {
                api.stop(started.sessionId(), "USER_CLOSED");
                log.info("LiveAvatar LITE session {} stopped ({})", started.sessionId(), reason);
            } catch (RuntimeException e) {
                log.warn("LiveAvatar LITE session {} could not be stopped; reconciliation will", started.sessionId(), e);
            } finally {
                if (room != null) {
                    room.close(); // deletes the room: nobody stays in it once the call is over
                }
            }
        });
    }

    @Override
    public boolean isClosed() {
        return link.isClosed();
    }

    private boolean isUnfinished(String utteranceId) {
        synchronized (unfinished) {
            return unfinished.contains(utteranceId);
        }
    }

    /** Every event leaves here: an utterance ends once, and nothing is told of a closed session. */
    private void emit(AvatarEvent event) {
        if (event instanceof AvatarEvent.SpeakingEnded ended) {
            synchronized (unfinished) {
                if (!unfinished.remove(ended.utteranceId())) {
                    return;
                }
            }
        }
        if (!isClosed()) {
            listener.accept(event);
        }
    }

    /** One event from LiveAvatar's WebSocket: {@code {type, event_id, task: {id}}, …}. */
    private void onSocketEvent(JsonNode event) {
        String utteranceId = event.path("event_id").asString("");
        switch (event.path("type").asString("")) {
            case "agent.speak_started" -> {
                if (isUnfinished(utteranceId)) {
                    utterances.started(utteranceId);
                }
            }
            case "agent.speak_ended" -> utterances.ended(utteranceId);
            default -> { } // session.state_updated is the socket's business; anything else says nothing to a call
        }
    }

    private void onVoiceFailed(String utteranceId, AvatarUnavailableException failure) {
        if (isClosed()) {
            return;
        }
        log.warn("LiveAvatar LITE session {}: utterance {} could not be said: {}", started.sessionId(), utteranceId,
                failure.getMessage());
        utterances.cutOff(utteranceId);
        if (failure instanceof VendorHttp.Refusal refusal && FOR_GOOD.contains(refusal.status())) {
            stopped("speech synthesis refused: " + failure.getMessage());
        }
    }

    private void onRoomEvent(RoomEvent event) {
        switch (event) {
            case RoomEvent.ParticipantLeft left when PERSON_IDENTITY.equals(left.identity()) ->
                    stopped("the person left the LiveKit room");
            case RoomEvent.ParticipantLeft left when AVATAR_IDENTITY.equals(left.identity()) ->
                    stopped("the avatar left the LiveKit room");
            case RoomEvent.RoomFinished finished -> stopped("the LiveKit room is gone");
            default -> { } // someone joined
        }
    }

    /** The session is over from outside (LiveAvatar, the room, the voice): the call must end. */
    private void stopped(String reason) {
        if (!isClosed()) {
            listener.accept(new AvatarEvent.SessionStopped(reason));
        }
    }
}
