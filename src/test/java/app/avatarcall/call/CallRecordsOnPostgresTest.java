package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.testing.AppTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The same Flyway migrations and call records on a real PostgreSQL, as in production. Runs when
 * {@code TEST_POSTGRES_URL} is set (CI starts a Debian PostgreSQL for it; see .ci/run).
 */
@AppTest
@EnabledIfEnvironmentVariable(named = "TEST_POSTGRES_URL", matches = ".+")
@TestPropertySource(properties = {
        "spring.datasource.url=${TEST_POSTGRES_URL}",
        "spring.datasource.username=${TEST_POSTGRES_USER:postgres}",
        "spring.datasource.password=${TEST_POSTGRES_PASSWORD:}"})
class CallRecordsOnPostgresTest {

    @Autowired
    CallService calls;
    @Autowired
    CallRecords records;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    DataSource dataSource;
    @Autowired
    CallStatistics statistics;

    @Test
    void the_app_runs_its_migrations_and_keeps_call_records_on_postgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        Call call = calls.ring(avatars.defaultAvatar(), Locale.forLanguageTag("ru"), "person-1");
        calls.decline(call);

        CallRecord record = records.find(call.id()).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallState.DECLINED);
        assertThat(record.language()).isEqualTo("ru");
        assertThat(record.ringingAt()).isNotNull();
        assertThat(records.latest(10)).extracting(CallRecord::id).contains(call.id());
        assertThat(JdbcClient.create(dataSource).sql("select count(*) from flyway_schema_history where success")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void the_figures_analytics_needs_are_kept_and_read_back_on_postgresql() {
        CallRecord measured = new CallRecord(UUID.randomUUID(), "max", "en", "fake", Instant.parse("2026-11-23T09:00:00Z"),
                Instant.parse("2026-11-23T09:00:02Z"), Instant.parse("2026-11-23T09:00:03Z"),
                Instant.parse("2026-11-23T09:01:03Z"), CallState.ENDED, EndReason.ENDED_BY_OPERATOR, 3, 4, "tg:1",
                new CallFigures(66_250, 1, 2, 3, 600, 700, 900, 410, true, true, 1));
        CallRecord unmeasured = new CallRecord(UUID.randomUUID(), "max", "en", "fake",
                Instant.parse("2026-11-23T10:00:00Z"), null, null, Instant.parse("2026-11-23T10:00:30Z"),
                CallState.MISSED, EndReason.MISSED, 0, 0, "web-1");
        records.save(measured);
        records.save(unmeasured);

        assertThat(records.find(measured.id())).contains(measured);
        assertThat(records.find(unmeasured.id())).contains(unmeasured);
        assertThat(records.rangBetween(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z")))
                .extracting(CallRecord::id).containsSubsequence(measured.id(), unmeasured.id());
        CallSummary day = statistics.between(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23), ZoneOffset.UTC)
                .summary();
        assertThat(day.turnLatencyAvgMs()).isEqualTo(700);
    }
}
