package app.avatarcall.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright (which never downloads a browser of its own here). Without Chromium the
 * browser tests are skipped on a developer's machine and fail in CI ({@code REQUIRE_BROWSER_TESTS=true}).
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--autoplay-policy=no-user-gesture-required");

    private final Playwright playwright;
    private final Path home;

    private Chromium(Playwright playwright, Path home) {
        this.playwright = playwright;
        this.home = home;
    }

    public static Chromium launch() {
        boolean required = Boolean.parseBoolean(System.getenv("REQUIRE_BROWSER_TESTS"));
        if (!required) {
            Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE), "no Chromium at " + EXECUTABLE);
        }
        try {
            Path home = Files.createTempDirectory("chromium-home");
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
            return new Chromium(playwright, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh browser profile, as a first-time visitor has, in a window of the given size and language. */
    public BrowserContext newContext(int width, int height, boolean phone, String locale) {
        return newContext(width, height, phone, locale, List.of());
    }

    private BrowserContext newContext(int width, int height, boolean phone, String locale, List<String> extraFlags) {
        try {
            Path profile = Files.createTempDirectory(home, "profile");
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
            env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
            var options = new BrowserType.LaunchPersistentContextOptions()
                    .setExecutablePath(EXECUTABLE).setHeadless(true)
                    .setArgs(java.util.stream.Stream.concat(FLAGS.stream(), extraFlags.stream()).toList()).setEnv(env)
                    .setViewportSize(width, height).setIsMobile(phone).setHasTouch(phone)
                    .setDeviceScaleFactor(phone ? 2 : 1).setLocale(locale);
            return playwright.chromium().launchPersistentContext(profile, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone-sized page (390×844, touch) in the given browser language. */
    public BrowserContext phone(String locale) {
        return newContext(390, 844, true, locale);
    }

    /**
     * A phone whose microphone hears {@code wav} (16-bit PCM, played again and again) and which grants the
     * microphone without asking, as a person who taps Allow would.
     */
    public BrowserContext phoneWithMicrophone(String locale, Path wav) {
        return newContext(390, 844, true, locale, List.of("--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream", "--use-file-for-fake-audio-capture=" + wav.toAbsolutePath()));
    }

    public BrowserContext desktop(String locale) {
        return newContext(1280, 800, false, locale);
    }

    @Override
    public void close() {
        playwright.close();
    }
}
