package app.avatarcall.telegram.alert;

import app.avatarcall.telegram.OnBot;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.AppenderBase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts the errors the whole app logs (a Logback appender on the root logger); {@code telegram.alerts.error-spike-count}
 * of them within {@code error-spike-window} alert the admins with the latest one, and the count starts over.
 */
@Component
@OnBot
class ErrorSpikes extends AppenderBase<ILoggingEvent> implements LoggerContextListener, AutoCloseable {

    private final Deque<Instant> errors = new ArrayDeque<>();
    private final AdminAlerts alerts;
    private final AlertProperties properties;
    private final Clock clock;
    private final ch.qos.logback.classic.Logger root;

    ErrorSpikes(AdminAlerts alerts, AlertProperties properties, Clock clock) {
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(logging);
        setName("telegram-error-spikes");
        start();
        root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(this);
        logging.addListener(this);
    }

    /**
     * Listens to the log again if logging was configured anew and dropped it: a stop-and-reset (Spring Boot's, when
     * another application context starts in the same JVM) forgets even reset-resistant listeners.
     */
    @Scheduled(fixedDelayString = "${telegram.alerts.reattach-every:30s}")
    void keepListening() {
        if (!isStarted() || !root.isAttached(this)) { // by identity: another context's has the same name
            listen();
            LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
            logging.removeListener(this); // once, whether or not the stop forgot it
            logging.addListener(this);
        }
    }

    /** Logging configured anew (another application context starting, a reloaded configuration): listen again. */
    @Override
    public void onReset(LoggerContext context) {
        listen();
    }

    /** A reset detached and stopped every appender: this one starts again and goes back on the root logger. */
    private void listen() {
        if (!isStarted()) {
            start();
        }
        root.addAppender(this);
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onStart(LoggerContext context) {
    }

    @Override
    public void onStop(LoggerContext context) {
    }

    @Override
    public void onLevelChange(ch.qos.logback.classic.Logger logger, Level level) {
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            return;
        }
        Instant now = clock.instant();
        int count;
        synchronized (errors) {
            errors.addLast(now);
            while (!errors.isEmpty() && errors.peekFirst().isBefore(now.minus(properties.errorSpikeWindow()))) {
                errors.removeFirst();
            }
            count = errors.size();
            if (count < properties.errorSpikeCount()) {
                return;
            }
            errors.clear();
        }
        String latest = event.getLoggerName().substring(event.getLoggerName().lastIndexOf('.') + 1) + ": "
                + event.getFormattedMessage();
        alerts.alert("errors", alerts.text("alert.errors", count, properties.errorSpikeWindow().toMinutes(),
                latest.length() > 300 ? latest.substring(0, 300) + "…" : latest));
    }

    @Override
    public void close() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).removeListener(this);
        root.detachAppender(this);
        stop();
    }
}
