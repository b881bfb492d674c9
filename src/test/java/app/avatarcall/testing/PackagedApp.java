package app.avatarcall.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The production jar, started as a user would start it, on a free port with an in-memory database: what the
 * browser tests and benchmarks talk to over real HTTP.
 */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final int port;

    private PackagedApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the jar with extra Spring arguments ({@code --call.ring-timeout=5s}; {@code {port}} stands for its own
     * port) and waits until it is healthy.
     */
    public static PackagedApp start(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("app.jar", "target/avatar-call.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException(jar + " is missing: browser tests run after `package` (./mvnw verify)");
        }
        int port = FreePort.find();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-jar", jar, "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:browser-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"));
        for (String arg : args) {
            command.add(arg.replace("{port}", String.valueOf(port)));
        }
        Path log = Path.of("target", "packaged-app-" + port + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedApp app = new PackagedApp(process, port);
        app.awaitHealthy(Duration.ofSeconds(90), log);
        return app;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void awaitHealthy(Duration timeout, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the app did not become healthy in " + timeout + "; see " + log);
    }


    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
