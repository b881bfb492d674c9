package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.testing.AppTest;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Logs as production writes them with {@code LOG_FORMAT=ecs}: one JSON object a line, each naming its call. */
@AppTest
@TestPropertySource(properties = {"logging.structured.format.console=ecs", "logging.level.app.avatarcall.call=INFO"})
@ExtendWith(OutputCaptureExtension.class)
class CallLogTest {

    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;

    @Test
    void a_log_line_written_while_ringing_a_call_is_json_that_carries_the_call_id(CapturedOutput output) {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, "tg:42");
        calls.hangUp(call, EndReason.HUNG_UP);

        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(line -> JsonMapper.builder().build().readTree(line))
                .filter(json -> json.path("message").asString().contains(call.id().toString()))
                .toList();
        assertThat(lines).extracting(json -> json.path("message").asString())
                .anySatisfy(message -> assertThat(message).contains("ringing"))
                .anySatisfy(message -> assertThat(message).contains("over: HUNG_UP"));
        assertThat(lines).allSatisfy(json -> assertThat(json.path("callId").asString()).isEqualTo(call.id().toString()));
        assertThat(MDC.get(CallMdc.KEY)).as("nothing left behind on the thread").isNull();
    }

    @Test
    void a_task_run_on_another_thread_logs_with_the_call_of_whoever_handed_it_over() throws Exception {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, "tg:43");
        AtomicReference<String> seen = new AtomicReference<>();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (CallMdc.Scope scope = CallMdc.enter(call)) {
            CallMdc.propagating(thread).execute(() -> seen.set(MDC.get(CallMdc.KEY)));
        }
        thread.shutdown();
        assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasValue(call.id().toString());
        calls.hangUp(call, EndReason.HUNG_UP);
    }

    @Test
    void a_call_handled_inside_another_puts_the_outer_call_back_when_it_is_done() {
        Call outer = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, "tg:44");
        Call inner = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, "tg:45");
        try (CallMdc.Scope scope = CallMdc.enter(outer)) {
            calls.hangUp(inner, EndReason.HUNG_UP);
            assertThat(MDC.get(CallMdc.KEY)).isEqualTo(outer.id().toString());
        }
        assertThat(MDC.get(CallMdc.KEY)).isNull();
        calls.hangUp(outer, EndReason.HUNG_UP);
    }
}
