package app.avatarcall.avatar.heygen;

import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageChannel;
import app.avatarcall.avatar.StageLink;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.avatar.StageSetup;
import app.avatarcall.avatar.Utterances;
import app.avatarcall.avatar.VendorHttp;
import app.avatarcall.avatar.heygen.HeyGenStreamingApi.NewSession;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A HeyGen Interactive Avatar session. The avatar joins a LiveKit room that the page's stage joins too; every command
 * ({@code streaming.task}, {@code streaming.interrupt}, keep-alive, stop) is a REST call made here, never from the
 * browser. Tasks and interrupts go out one at a time and in order, off the caller's thread, so speaking never waits
 * for HeyGen. HeyGen's events come back on the room's data channel ({@code avatar_start_talking} and the like) and
 * name HeyGen's task id; the session tells the call about them under the utterance id {@link #speak} returned
 * ({@link HeyGenTasks}).
 */
final class HeyGenSession implements AvatarSession {

    /** The identity HeyGen's avatar joins its rooms under (Pipecat's HeyGen transport tells it apart by it too). */
    static final String AVATAR_IDENTITY = "heygen";
    private static final Logger log = LoggerFactory.getLogger(HeyGenSession.class);

    private final HeyGenStreamingApi api;
    private final String token;
    private final NewSession created;
    private final boolean answersItself;
    private final Executor background;
    private final ExecutorService commands = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final JsonMapper json = JsonMapper.builder().build();
    private final StageLink link = new StageLink();
    private final Utterances utterances;
    private final HeyGenTasks tasks = new HeyGenTasks();
    private Consumer<AvatarEvent> listener = event -> { };
    private boolean stopReported;

    HeyGenSession(HeyGenStreamingApi api, String token, NewSession created, boolean answersItself, Executor background) {
        this.api = api;
        this.token = token;
        this.created = created;
        this.answersItself = answersItself;
        this.background = background;
        this.utterances = new Utterances(background, event -> listener.accept(event), link::isClosed);
    }

    @Override
    public String id() {
        return created.sessionId();
    }

    @Override
    public StageSetup stage() {
        return new StageSetup.LiveKitRoom(created.livekitUrl(), created.livekitClientToken(), AVATAR_IDENTITY);
    }

    @Override
    public boolean answersItself() {
        return answersItself;
    }

    @Override
    public void attach(StageChannel channel) {
        link.attach(channel); // nothing goes to the page: HeyGen takes its commands over REST
    }

    @Override
    public void report(StageReport report) {
        if (isClosed()) {
            return;
        }
        switch (report) {
            case StageReport.DataReceived data -> onData(data.payload());
            case StageReport.AvatarAudible audible -> utterances.audible(audible.audible());
            default -> report.asEvent().ifPresent(listener);
        }
    }

    @Override
    public void onEvent(Consumer<AvatarEvent> listener) {
        this.listener = listener;
    }

    @Override
    public String speak(String text, SpeechMode mode) {
        String utterance = UUID.randomUUID().toString();
        String taskType = mode == SpeechMode.TALK ? "talk" : "repeat";
        tasks.sent();
        if (!inOrder(() -> sendTask(utterance, text, taskType))) {
            tasks.answered(null, utterance); // closed: nothing is sent, and no event waits for it
        }
        return utterance;
    }

    private void sendTask(String utterance, String text, String taskType) {
        String taskId = null;
        try {
            if (!isClosed()) {
                taskId = api.task(token, id(), text, taskType).taskId();
            }
        } catch (RuntimeException e) {
            failed("a task", e);
            if (!isClosed()) {
                listener.accept(new AvatarEvent.SpeakingEnded(utterance, false)); // nothing will be said: nobody waits
            }
        }
        if (taskId != null) {
            log.debug("HeyGen session {}: task {} says utterance {}", id(), taskId, utterance);
        }
        tasks.answered(taskId, utterance).forEach((said, events) -> events.forEach(event -> tell(said, event)));
    }

    /** The HeyGen task that says an utterance, once HeyGen has answered for it. */
    Optional<String> taskOf(String utterance) {
        return tasks.taskOf(utterance);
    }

    @Override
    public void interrupt() {
        utterances.interrupting();
        inOrder(() -> {
            try {
                if (!isClosed()) {
                    api.interrupt(token, id());
                }
            } catch (RuntimeException e) {
                failed("an interrupt", e);
            }
        });
    }

    @Override
    public void showEmotion(Emotion emotion) {
        // HeyGen's voice emotion is chosen once per session, at streaming.new; no expression per utterance.
    }

    @Override
    public void keepAlive() {
        if (isClosed()) {
            return;
        }
        try {
            api.keepAlive(token, id());
        } catch (VendorHttp.Refusal e) {
            if (!sessionGone(e)) {
                throw e;
            }
        }
    }

    @Override
    public void close(String reason) {
        if (!link.close()) {
            return;
        }
        commands.shutdown(); // queued commands find the session closed and send nothing
        Runnable stop = () -> {
            try {
                api.stop(id());
                log.info("HeyGen session {} stopped ({})", id(), reason);
            } catch (RuntimeException e) {
                log.warn("HeyGen session {} could not be stopped; reconciliation will", id(), e);
            }
        };
        try {
            background.execute(stop); // off the caller's thread (often a UI thread); the API retries what it may
        } catch (RejectedExecutionException shuttingDown) {
            stop.run();
        }
    }

    @Override
    public boolean isClosed() {
        return link.isClosed();
    }

    private boolean inOrder(Runnable command) {
        try {
            commands.execute(command);
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    private void failed(String what, RuntimeException e) {
        if (e instanceof VendorHttp.Refusal refusal && sessionGone(refusal)) {
            return;
        }
        if (!isClosed()) {
            log.warn("HeyGen session {} could not take {}: {}", id(), what, e.getMessage());
        }
    }

    /**
     * HeyGen says nothing on the data channel when it closes a session (idle timeout, duration limit): a command that
     * finds it closed, or finds its token no longer good, is how the call learns that it is over. Returns whether the
     * refusal meant that.
     */
    private boolean sessionGone(VendorHttp.Refusal refusal) {
        if (!HeyGenStreamingApi.closed(refusal) && refusal.status() != 401) {
            return false;
        }
        synchronized (this) {
            if (stopReported || isClosed()) {
                return true;
            }
            stopReported = true;
        }
        listener.accept(new AvatarEvent.SessionStopped("HeyGen closed the session: " + refusal.getMessage()));
        return true;
    }

    /** One data-channel message: {@code {"type": "avatar_start_talking", "task_id": "…", …}}. */
    private void onData(String payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (RuntimeException e) {
            log.debug("HeyGen session {} got a data message that is not JSON", id());
            return;
        }
        String type = event.path("type").asString("");
        if (!type.startsWith("avatar_")) {
            return; // user_* events belong to voice input, which the person's microphone brings later
        }
        tasks.utteranceOf(event.path("task_id").asString(""), event).ifPresent(utterance -> tell(utterance, event));
    }

    /** Tells the call what HeyGen's event means for one utterance. */
    private void tell(String utterance, JsonNode event) {
        if (isClosed()) {
            return;
        }
        switch (event.path("type").asString("")) {
            case "avatar_start_talking" -> utterances.started(utterance);
            case "avatar_talking_message" -> utterances.captioned(utterance, event.path("message").asString(""), true);
            case "avatar_stop_talking" -> utterances.ended(utterance);
            default -> { } // avatar_end_message: the caption is complete, which avatar_stop_talking says as well
        }
    }
}
