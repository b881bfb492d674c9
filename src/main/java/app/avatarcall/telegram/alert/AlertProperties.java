package app.avatarcall.telegram.alert;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param chatIds          the chats alerts go to ({@code TELEGRAM_ADMIN_CHAT_IDS}, comma-separated; a group's id is
 *                         negative); none: no alerts
 * @param every            an alert of one kind is sent at most this often
 * @param errorSpikeCount  this many errors logged within {@code errorSpikeWindow} make a spike
 * @param errorSpikeWindow the spike's window
 * @param language         the language of the alerts (en, ru)
 */
@Validated
@ConfigurationProperties("telegram.alerts")
record AlertProperties(@DefaultValue List<Long> chatIds,
                       @NotNull @DefaultValue("10m") Duration every,
                       @Min(1) @DefaultValue("10") int errorSpikeCount,
                       @NotNull @DefaultValue("5m") Duration errorSpikeWindow,
                       @NotNull @DefaultValue("en") Locale language) {
}
