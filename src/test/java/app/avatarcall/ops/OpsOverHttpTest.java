package app.avatarcall.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.TestBeans;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health, probes and log levels over real HTTP, with the security filter chain as production runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"admin.username=operator", "admin.password=correct horse battery", "server.servlet.session.cookie.secure=false"})
@ActiveProfiles("test")
@Import(TestBeans.class)
class OpsOverHttpTest {

    private static final String LOGGER = "/actuator/loggers/app.avatarcall.ops";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void anybody_sees_whether_the_app_is_up_but_only_an_admin_sees_which_vendor_is_what() throws Exception {
        HttpClient anonymous = browser();
        HttpResponse<String> health = get(anonymous, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("avatarProvider").doesNotContain("breaker");

        HttpClient admin = signedIn();
        JsonNode components = JSON.readTree(get(admin, "/actuator/health").body()).path("components");
        assertThat(components.path("avatarProvider").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("avatarProvider").path("details").path("provider").asString()).isEqualTo("fake");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.has("llm")).as("no model configured: no llm check").isFalse();
        assertThat(components.has("telegram")).as("no bot token: no bot check").isFalse();
    }

    @Test
    void readiness_depends_on_the_database_only_and_liveness_on_no_vendor() throws Exception {
        HttpClient admin = signedIn();
        JsonNode readiness = JSON.readTree(get(admin, "/actuator/health/readiness").body());
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
        JsonNode liveness = JSON.readTree(get(admin, "/actuator/health/liveness").body());
        assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
        assertThat(get(browser(), "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void an_admin_changes_a_log_level_at_run_time_and_an_anonymous_caller_cannot() throws Exception {
        HttpClient anonymous = browser();
        assertThat(setLevel(anonymous, "TRACE").statusCode()).isIn(302, 401, 403);

        HttpClient admin = signedIn();
        assertThat(configuredLevel(admin)).isNotEqualTo("TRACE");
        assertThat(setLevel(admin, "DEBUG").statusCode()).isEqualTo(204);
        assertThat(configuredLevel(admin)).isEqualTo("DEBUG");
        assertThat(setLevel(admin, null).statusCode()).isEqualTo(204); // back to what the configuration says
    }

    private String configuredLevel(HttpClient admin) throws Exception {
        return JSON.readTree(get(admin, LOGGER).body()).path("configuredLevel").asString();
    }

    private HttpResponse<String> setLevel(HttpClient client, String level) throws Exception {
        String body = level == null ? "{}" : "{\"configuredLevel\":\"" + level + "\"}";
        return client.send(HttpRequest.newBuilder(uri(LOGGER)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private HttpClient signedIn() throws Exception {
        HttpClient admin = browser();
        String body = "username=operator&password=" + URLEncoder.encode("correct horse battery", StandardCharsets.UTF_8);
        HttpResponse<String> signIn = admin.send(HttpRequest.newBuilder(uri("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        return admin;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
