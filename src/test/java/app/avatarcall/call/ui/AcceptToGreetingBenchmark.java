package app.avatarcall.call.ui;

import app.avatarcall.testing.Chromium;
import app.avatarcall.testing.PackagedApp;
import app.avatarcall.testing.Stats;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accept click → the demo avatar starts its greeting, in Chromium against the packaged jar: the time from the
 * click (as the page saw it) to the stage reporting that speech started. Target: median ≤ 300 ms.
 */
class AcceptToGreetingBenchmark {

    private static final int RUNS = 10;
    private static final String MARKS = """
            () => {
              window.marks = {};
              document.addEventListener('click', e => {
                if (e.target.closest('[aria-label="Accept call"]')) window.marks.click ??= performance.now();
              }, true);
              document.addEventListener('stage-event', e => {
                if (e.detail.type === 'speaking-started' && e.target.classList.contains('call-stage')) {
                  window.marks.speaking ??= performance.now();
                }
              }, true);
            }""";

    @Test
    void accept_to_greeting() throws Exception {
        List<Double> millis = new ArrayList<>();
        try (Chromium chromium = Chromium.launch(); PackagedApp app = PackagedApp.start()) {
            try (BrowserContext context = chromium.phone("en-US")) {
                Page page = context.pages().getFirst();
                for (int run = 0; run <= RUNS; run++) {
                    page.navigate(app.url("/"));
                    page.waitForSelector("[aria-label='Accept call']");
                    page.evaluate(MARKS);
                    page.click("[aria-label='Accept call']");
                    page.waitForFunction("() => window.marks.speaking !== undefined");
                    double ms = ((Number) page.evaluate("() => window.marks.speaking - window.marks.click")).doubleValue();
                    if (run > 0) { // the first run warms the JVM up
                        millis.add(ms);
                    }
                }
            }
        }
        Stats.print("Accept click -> demo avatar greeting starts (Chromium, packaged jar)", "ms", millis);
    }
}
