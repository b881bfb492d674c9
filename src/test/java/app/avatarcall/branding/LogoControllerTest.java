package app.avatarcall.branding;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.TestBeans;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** GET /branding/logo over real HTTP, through the security filter chain, as a phone in a call asks for it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"admin.username=operator", "admin.password=correct horse battery", "server.servlet.session.cookie.secure=false"})
@ActiveProfiles("test")
@Import(TestBeans.class)
class LogoControllerTest {

    @LocalServerPort
    int port;
    @Autowired
    Brandings brandings;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void backToTheDefaultLook() {
        brandings.reset("test");
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void without_a_logo_there_is_nothing_to_get() throws Exception {
        assertThat(get("/branding/logo").statusCode()).isEqualTo(404);
    }

    @Test
    void anybody_gets_the_logo_as_the_png_the_server_drew_cached_for_good_at_its_versioned_url() throws Exception {
        Logo logo = LogoImages.reencode(TestImages.image("jpeg", 900, 300));
        brandings.save(Branding.DEFAULT, logo, "operator");

        HttpResponse<byte[]> versioned = get("/branding/logo?v=" + logo.version());
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(versioned.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(versioned.headers().firstValue("Cache-Control")).hasValueSatisfying(
                caching -> assertThat(caching).contains("max-age=31536000", "immutable", "public"));
        assertThat(versioned.headers().firstValue("ETag")).hasValue("\"" + logo.version() + "\"");
        assertThat(versioned.body()).isEqualTo(logo.png());
        assertThat(ImageIO.read(new ByteArrayInputStream(versioned.body())).getWidth()).isEqualTo(LogoImages.MAX_SIDE);
    }

    @Test
    void an_old_or_missing_version_is_checked_again_and_an_unchanged_logo_answers_not_modified() throws Exception {
        Logo logo = LogoImages.reencode(TestImages.image("png", 64, 64));
        brandings.save(Branding.DEFAULT, logo, "operator");

        HttpResponse<byte[]> stale = get("/branding/logo?v=0000");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.headers().firstValue("Cache-Control")).hasValue("no-cache");
        HttpResponse<byte[]> again = get("/branding/logo", "If-None-Match", "\"" + logo.version() + "\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }
}
