package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.testing.AppTest;
import java.util.Locale;
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
}
