package app.avatarcall.call.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.BrowserTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Speaking to the avatar in a real Chromium whose microphone hears real speech: a sentence espeak-ng says into a
 * WAV made at test time. Voice-activity detection (Silero in WebAssembly, served by the packaged jar) must find the
 * sentence and end it after the silence that follows, the page must upload it as a 16 kHz WAV, the server must
 * transcribe it (the in-process fake OpenAI endpoint, which runs no model: told what any audio with sound in it
 * says, see {@code voice.openai.fake}) and the answer must come from the avatar.
 */
class VoiceInBrowserIT extends BrowserTest {

    private static final String SAID = "Who are you?";

    private static Path speech;

    @BeforeAll
    static void start() throws Exception {
        speech = speak(SAID);
        startApp("--spring.profiles.active=fake-stt", "--stt.base-url=http://localhost:{port}/fake-stt/v1",
                "--stt.api-key=fake-stt-key", "--fake-stt.heard=" + SAID);
    }

    /** The sentence, spoken by espeak-ng, with silence around it, as the 16-bit PCM WAV Chromium plays as a microphone. */
    private static Path speak(String sentence) throws Exception {
        boolean required = Boolean.parseBoolean(System.getenv("REQUIRE_BROWSER_TESTS"));
        boolean tools = Files.isExecutable(Path.of("/usr/bin/espeak-ng")) && Files.isExecutable(Path.of("/usr/bin/sox"));
        if (!required) {
            Assumptions.assumeTrue(tools, "espeak-ng and sox are needed to make speech (apt install espeak-ng sox)");
        }
        Path dir = Files.createDirectories(Path.of("target", "voice-it"));
        Path raw = dir.resolve("said.wav");
        Path wav = dir.resolve("microphone.wav");
        run("espeak-ng", "-v", "en", "-w", raw.toString(), sentence);
        // 2 s of quiet, the sentence, then 12 s of quiet before Chromium plays it again: room for the detector to end it.
        run("sox", raw.toString(), "-r", "48000", "-c", "1", "-b", "16", wav.toString(), "pad", "2", "12");
        return wav;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static Locator button(Page page, String accessibleName) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(accessibleName).setExact(true));
    }

    @Test
    void speech_is_detected_ends_by_itself_and_the_avatar_answers_it() {
        BrowserContext context = chromium.phoneWithMicrophone("en-US", speech);
        List<String> pageErrors = new ArrayList<>();
        List<String> consoleProblems = new CopyOnWriteArrayList<>();
        List<Request> uploads = new CopyOnWriteArrayList<>();
        try {
            Page page = context.pages().getFirst();
            page.onPageError(pageErrors::add);
            page.onConsoleMessage(message -> {
                if (message.type().equals("warning") || message.type().equals("error")) {
                    consoleProblems.add(message.text());
                }
            });
            page.onRequest(request -> {
                if (request.url().contains("/voice/calls/")) {
                    uploads.add(request);
                }
            });
            // What the page uploads, read where it is made (Playwright does not see the bodies of Blob requests).
            page.addInitScript("""
                    window.uploadedWavs = [];
                    const original = window.fetch;
                    window.fetch = async (url, init) => {
                      if (String(url).includes('/voice/calls/') && init && init.body instanceof Blob) {
                        const view = new DataView(await init.body.arrayBuffer());
                        window.uploadedWavs.push({ channels: view.getUint16(22, true), rate: view.getUint32(24, true),
                          bytes: view.getUint32(40, true) });
                      }
                      return original(url, init);
                    };""");
            page.navigate(app.url("/"));
            button(page, "Accept call").click(); // the microphone is asked for here, once
            assertThat(page.locator(".chat-line--avatar .chat-text").first()).containsText("Hi! I'm Ava");

            button(page, "Talk by voice").click();
            assertThat(button(page, "Listening… tap to stop")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "10-voice-listening.png")));

            // Nobody taps again: the detector ends the utterance after the silence, and it goes up by itself.
            assertThat(page.locator(".chat-line--person .chat-text").first())
                    .hasText(SAID, new LocatorAssertions.HasTextOptions().setTimeout(45_000));
            assertThat(page.locator(".chat-line--avatar .chat-text").last())
                    .containsText("I'm an AI avatar", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "11-voice-answered.png")));

            assertThat(uploads).isNotEmpty();
            assertThat(uploads.getFirst().method()).isEqualTo("POST");
            assertThat(uploads.getFirst().headerValue("content-type")).isEqualTo("audio/wav");
            @SuppressWarnings("unchecked")
            Map<String, Object> wav = (Map<String, Object>) page.evaluate("() => window.uploadedWavs[0]");
            assertThat(wav).containsEntry("channels", 1).containsEntry("rate", 16000);
            double seconds = ((Number) wav.get("bytes")).doubleValue() / 32000.0;
            // The sentence takes about a second; the detector cut it out of the quiet around it.
            assertThat(seconds).as("utterance length in seconds").isBetween(0.5, 5.0);

            button(page, "Listening… tap to stop").click();
            assertThat(button(page, "Talk by voice")).isVisible();
            assertThat(pageErrors).as("JavaScript errors on the page").isEmpty();
            // RNNoise, the Silero model and ONNX Runtime all loaded from the app (each says so when it cannot).
            assertThat(consoleProblems).as("console warnings and errors")
                    .noneMatch(text -> text.contains("RNNoise") || text.contains("model") || text.contains("voice input"));
        } finally {
            context.close();
        }
    }
}
