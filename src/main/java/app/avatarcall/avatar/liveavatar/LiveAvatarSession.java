package app.avatarcall.avatar.liveavatar;

import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageChannel;
import app.avatarcall.avatar.StageCommand;
import app.avatarcall.avatar.StageLink;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.avatar.StageSetup;
import app.avatarcall.avatar.Utterances;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.SessionToken;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.StartedSession;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A LiveAvatar FULL-mode session. The avatar joins a LiveKit room that the page's stage joins too; commands
 * ({@code avatar.speak_text}, {@code avatar.speak_response}, {@code avatar.interrupt}) travel on the room's data
 * channel under the {@code agent-control} topic, through the stage, and the avatar's events come back under
 * {@code agent-response}. Keep-alive and stop are REST calls made here, never from the browser.
 * <p>
 * The person's microphone can go into the room too: LiveAvatar then hears them itself and reports what they said
 * ({@code user.transcription}), which becomes the person's message. An avatar with a context also answers what it
 * heard on its own; its answer then stands for the {@code speak_response} the call asks for next with those words,
 * so the person gets one answer, not two.
 */
final class LiveAvatarSession implements AvatarSession {

    static final String AVATAR_IDENTITY = "heygen";
    static final String COMMANDS = "agent-control";
    static final String EVENTS = "agent-response";
    private static final Logger log = LoggerFactory.getLogger(LiveAvatarSession.class);

    private final LiveAvatarApi api;
    private final SessionToken token;
    private final StartedSession started;
    private final boolean answersItself;
    private final Executor background;
    private final JsonMapper json = JsonMapper.builder().build();
    private final StageLink link = new StageLink();
    private final Utterances utterances;
    private Consumer<AvatarEvent> listener = event -> { };
    /** The command ids this session published: an avatar event from any other source is the avatar's own doing. */
    private final Set<String> published = new HashSet<>();
    /** What the avatar heard and is answering itself, until the call asks for that answer. */
    private @Nullable String answeringHeard;
    /** The call's id for the answer the avatar gives on its own, until that answer starts. */
    private @Nullable String adoptNextAnswer;
    /** The avatar's own source ids → the ids the call knows those utterances by. */
    private final Map<String, String> aliases = new HashMap<>();

    LiveAvatarSession(LiveAvatarApi api, SessionToken token, StartedSession started, boolean answersItself,
                      Executor background) {
        this.api = api;
        this.token = token;
        this.started = started;
        this.answersItself = answersItself;
        this.background = background;
        this.utterances = new Utterances(background, event -> listener.accept(event), link::isClosed);
    }

    @Override
    public String id() {
        return started.sessionId();
    }

    @Override
    public boolean listensToPerson() {
        return true;
    }

    @Override
    public StageSetup stage() {
        return new StageSetup.LiveKitRoom(started.livekitUrl(), started.livekitClientToken(), AVATAR_IDENTITY);
    }

    @Override
    public boolean answersItself() {
        return answersItself;
    }

    @Override
    public void attach(StageChannel channel) {
        link.attach(channel);
    }

    @Override
    public void report(StageReport report) {
        if (isClosed()) {
            return;
        }
        if (report instanceof StageReport.DataReceived data) {
            if (EVENTS.equals(data.topic())) {
                onAvatarEvent(data.payload());
            }
            return;
        }
        if (report instanceof StageReport.AvatarAudible audible) {
            utterances.audible(audible.audible());
            return;
        }
        report.asEvent().ifPresent(listener);
    }

    @Override
    public void onEvent(Consumer<AvatarEvent> listener) {
        this.listener = listener;
    }

    @Override
    public String speak(String text, SpeechMode mode) {
        String eventId = UUID.randomUUID().toString();
        boolean repeatHeard;
        synchronized (this) {
            repeatHeard = text.equals(answeringHeard);
            answeringHeard = null;
            if (repeatHeard && mode == SpeechMode.TALK) {
                adoptNextAnswer = eventId; // the avatar is already answering these words
                return eventId;
            }
            published.add(eventId);
        }
        if (repeatHeard) {
            publish(Map.of("event_type", "avatar.interrupt")); // Repeat: not the answer it started on its own
        }
        String type = mode == SpeechMode.TALK ? "avatar.speak_response" : "avatar.speak_text";
        publish(Map.of("event_id", eventId, "event_type", type, "text", text));
        return eventId;
    }

    @Override
    public void interrupt() {
        utterances.interrupting();
        publish(Map.of("event_type", "avatar.interrupt")); // the official SDK sends it without an event id
    }

    @Override
    public void showEmotion(Emotion emotion) {
        // LiveAvatar has no per-utterance expression; its voice carries the tone.
    }

    @Override
    public void keepAlive() {
        if (!isClosed()) {
            api.keepAlive(token);
        }
    }

    @Override
    public void close(String reason) {
        if (!link.close()) {
            return;
        }
        // Off the caller's thread (often a UI thread); the API retries what may be repeated.
        background.execute(() -> {
            try {
                api.stop(started.sessionId(), "USER_CLOSED");
                log.info("LiveAvatar session {} stopped ({})", started.sessionId(), reason);
            } catch (RuntimeException e) {
                log.warn("LiveAvatar session {} could not be stopped; reconciliation will", started.sessionId(), e);
            }
        });
    }

    @Override
    public boolean isClosed() {
        return link.isClosed();
    }

    private void publish(Map<String, String> command) {
        link.send(new StageCommand.Publish(COMMANDS, json.writeValueAsString(command)));
    }

    /** One {@code agent-response} message: {@code {event_id, event_type, session_id, source_event_id, …}}. */
    private void onAvatarEvent(String payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (RuntimeException e) {
            log.warn("LiveAvatar session {} sent an unreadable event", started.sessionId());
            return;
        }
        String source = event.path("source_event_id").isString() ? event.path("source_event_id").asString() : "";
        String text = event.path("text").isString() ? event.path("text").asString() : "";
        switch (event.path("event_type").asString("")) {
            case "avatar.speak_started" -> utterances.started(known(source, true));
            case "avatar.transcription" -> utterances.captioned(known(source, false), text, false);
            case "avatar.transcription.chunk" -> utterances.captioned(known(source, false), text, true);
            case "avatar.speak_ended" -> utterances.ended(ended(source));
            case "user.transcription" -> heard(text);
            case "session.stopped" ->
                    listener.accept(new AvatarEvent.SessionStopped(event.path("end_reason").asString("UNKNOWN")));
            default -> { } // user.speak_started, user.transcription.chunk, …: the finished transcription is enough
        }
    }

    private void heard(String text) {
        if (text.isBlank()) {
            return;
        }
        synchronized (this) {
            if (answersItself) {
                answeringHeard = text.strip();
            }
        }
        listener.accept(new AvatarEvent.PersonSpoke(text.strip()));
    }

    /**
     * The id the call knows an utterance by: its own command's id, or the one it gave the avatar's own answer (taken
     * on by the first utterance the avatar starts that no command of ours asked for).
     */
    private synchronized String known(String avatarSource, boolean starting) {
        if (starting && adoptNextAnswer != null && !published.contains(avatarSource)) {
            aliases.put(avatarSource, adoptNextAnswer);
            adoptNextAnswer = null;
        }
        return aliases.getOrDefault(avatarSource, avatarSource);
    }

    private synchronized String ended(String avatarSource) {
        published.remove(avatarSource);
        String source = aliases.getOrDefault(avatarSource, avatarSource);
        aliases.remove(avatarSource);
        return source;
    }
}
