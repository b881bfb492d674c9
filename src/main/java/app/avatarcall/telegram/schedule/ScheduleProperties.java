package app.avatarcall.telegram.schedule;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param answerWindow how long the Answer button rings before the call counts as missed
 * @param pollEvery    how often the scheduler looks for calls that are due (a call rings at most this late)
 * @param retryEvery   when Telegram could not be reached, how long until the call is tried again
 * @param defaultZone  the time zone of daily and weekly calls for people whose zone nobody set
 * @param apiToken     the bearer token of the operators' REST endpoint {@code /telegram/schedules}; none: no endpoint
 */
@Validated
@ConfigurationProperties("telegram.schedule")
record ScheduleProperties(@NotNull @DefaultValue("5m") Duration answerWindow,
                          @NotNull @DefaultValue("10s") Duration pollEvery,
                          @NotNull @DefaultValue("1m") Duration retryEvery,
                          @NotNull @DefaultValue("UTC") ZoneId defaultZone,
                          @Nullable String apiToken) {

    @Override
    public String toString() {
        return "ScheduleProperties[answerWindow=" + answerWindow + ", pollEvery=" + pollEvery + ", retryEvery="
                + retryEvery + ", defaultZone=" + defaultZone + "]"; // never the API token
    }
}
