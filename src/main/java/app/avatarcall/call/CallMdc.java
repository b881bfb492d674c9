package app.avatarcall.call;

import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The call a thread works for, in the logging context ({@value #KEY}): every log line written meanwhile names it
 * (a field of its own in JSON logs). Scopes nest (an avatar event that sends a message): leaving one puts back the
 * call that was there before, so an inner scope never wipes an outer one's id.
 */
final class CallMdc {

    static final String KEY = "callId";

    private CallMdc() {
    }

    /** Closes the scope: the logging context is as before. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    static Scope enter(Call call) {
        String before = MDC.get(KEY);
        MDC.put(KEY, call.id().toString());
        return () -> {
            if (before == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, before);
            }
        };
    }

    /** Runs tasks with the logging context of whoever handed them over (the call's id), on whatever thread. */
    static Executor propagating(Executor executor) {
        return task -> {
            Map<String, String> handedOver = MDC.getCopyOfContextMap();
            executor.execute(() -> {
                Map<String, String> before = MDC.getCopyOfContextMap();
                set(handedOver);
                try {
                    task.run();
                } finally {
                    set(before);
                }
            });
        };
    }

    private static void set(@Nullable Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
