package app.avatarcall.avatar.heygen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Which HeyGen task says which of a session's utterances. HeyGen names the tasks itself, and its events about a task
 * may come over the data channel before its answer to {@code streaming.task} does: those wait for the answer. Once
 * no task is unanswered, events about tasks that are not ours (HeyGen speaking on its own) are told under HeyGen's
 * task id. Thread-safe.
 */
final class HeyGenTasks {

    private final Map<String, String> utteranceOfTask = new HashMap<>();
    private final Map<String, List<JsonNode>> early = new LinkedHashMap<>();
    private int unanswered;

    /** A task is on its way to HeyGen. */
    synchronized void sent() {
        unanswered++;
    }

    /**
     * HeyGen answered a task with its id (none: it refused, or the task never went); returns the events that waited
     * and can now be told, by the utterance they are about.
     */
    synchronized Map<String, List<JsonNode>> answered(@Nullable String taskId, String utterance) {
        unanswered--;
        Map<String, List<JsonNode>> ready = new LinkedHashMap<>();
        if (taskId != null) {
            utteranceOfTask.put(taskId, utterance);
            Optional.ofNullable(early.remove(taskId)).ifPresent(events -> ready.put(utterance, events));
        }
        if (unanswered == 0) {
            ready.putAll(early);
            early.clear();
        }
        return ready;
    }

    /** The utterance an event about a task is about; empty when it has to wait for HeyGen's answer (it is kept). */
    synchronized Optional<String> utteranceOf(String taskId, JsonNode event) {
        String utterance = utteranceOfTask.get(taskId);
        if (utterance == null && unanswered > 0) {
            early.computeIfAbsent(taskId, id -> new ArrayList<>()).add(event);
            return Optional.empty();
        }
        return Optional.of(utterance == null ? taskId : utterance);
    }

    /** The HeyGen task that says an utterance, once HeyGen has answered for it. */
    synchronized Optional<String> taskOf(String utterance) {
        return utteranceOfTask.entrySet().stream().filter(task -> task.getValue().equals(utterance))
                .map(Map.Entry::getKey).findFirst();
    }
}
