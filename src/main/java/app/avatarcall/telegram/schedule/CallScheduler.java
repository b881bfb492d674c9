package app.avatarcall.telegram.schedule;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.bot.ProcessedUpdates;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * db-scheduler on the app's database (its {@code scheduled_tasks} table is in Flyway's {@code V2__telegram.sql}),
 * set up here because its Spring Boot starter does not work on Boot 4. Three tasks: a schedule's ring (instance id =
 * the schedule's id; it reschedules itself for the next daily or weekly time), the missed-call check (instance id =
 * the ring's id), and forgetting old update ids. Each due execution is picked by one instance only; one that dies
 * mid-way is picked up again by another. It runs on the app's clock and starts once the app is up.
 */
@Component
@OnBot
class CallScheduler implements AutoCloseable {

    static final TaskDescriptor<Void> RING = TaskDescriptor.of("telegram-call");
    static final TaskDescriptor<Void> MISSED = TaskDescriptor.of("telegram-call-missed");
    private static final Logger log = LoggerFactory.getLogger(CallScheduler.class);

    private final Scheduler scheduler;

    CallScheduler(DataSource dataSource, Ringer ringer, ProcessedUpdates updates, ScheduleProperties properties,
                  Clock clock) {
        FailureHandler<Void> later = new FailureHandler.OnFailureRetryLater<>(properties.retryEvery());
        CustomTask<Void> ring = Tasks.custom(RING).onFailure(later).execute((instance, context) -> {
            Ringer.Outcome outcome = ringer.ring(UUID.fromString(instance.getId()), context.getExecution().executionTime);
            outcome.ringing().ifPresent(ringId -> context.getSchedulerClient().scheduleIfNotExists(
                    MISSED.instance(ringId.toString()).scheduledTo(outcome.missedAt().orElseThrow())));
            return outcome.next().<CompletionHandler<Void>>map(next -> (complete, ops) -> ops.reschedule(complete, next))
                    .orElse((complete, ops) -> ops.remove());
        });
        OneTimeTask<Void> missed = Tasks.oneTime(MISSED).onFailure(later)
                .execute((instance, context) -> ringer.missed(UUID.fromString(instance.getId())));
        RecurringTask<Void> forget = Tasks.recurring("telegram-forget-updates", FixedDelay.ofHours(6))
                .execute((instance, context) -> log.debug("forgot {} old update ids", updates.forgetOld()));
        this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(ring, missed))
                .startTasks(forget)
                .clock(clock::instant)
                .pollingInterval(properties.pollEvery())
                .heartbeatInterval(Duration.ofMinutes(1))
                .threads(4)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** Scheduling works before {@link #start()}; executing waits for it. */
    SchedulerClient client() {
        return scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.start();
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
