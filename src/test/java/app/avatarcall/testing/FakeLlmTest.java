package app.avatarcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test of the whole application talking to the in-process fake language model over real HTTP (profile
 * {@code fake-llm}). The server listens on a port chosen before the application starts, so that Talk mode's own
 * client, configured with that port, reaches the fake; every such test class shares one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "fake-llm"})
@Import(TestBeans.class)
public abstract class FakeLlmTest {

    protected static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    /** The fake's API base, as {@code LLM_BASE_URL} would name it. */
    protected static String fakeLlmBase() {
        return "http://localhost:" + PORT + "/fake-llm/v1";
    }

}
