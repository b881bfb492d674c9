package app.avatarcall.call.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import app.avatarcall.call.CallService;
import app.avatarcall.testing.AppTest;
import app.avatarcall.testing.Stats;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.router.Route;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server heap per live call: 200 browserless UIs, each in a live call with the demo avatar that has greeted and
 * answered once, against 200 UIs that hold an empty page. The difference, divided by 200, is what one call costs.
 * Target: ≤ 250 KiB.
 */
@AppTest
@TestPropertySource(properties = "avatar.provider=demo")
class HeapPerCallBenchmark {

    private static final int UIS = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where a UI goes that holds no call. */
    @Route("bench-empty")
    static class EmptyView extends Div {
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    CallService calls;

    @Test
    void heap_per_live_call() {
        Routes routes = new Routes();
        routes.getRoutes().addAll(List.of(CallView.class, EmptyView.class));
        long empty = heldHeap(routes, false);
        long inCall = heldHeap(routes, true);
        double perCallKib = (inCall - empty) / (double) UIS / 1024;
        Stats.line("");
        Stats.line("Server heap per live call (" + UIS + " browserless UIs, demo avatar, one exchange each): "
                + String.format(Locale.ROOT, "%.1f KiB", perCallKib));
        Stats.line(String.format(Locale.ROOT, "  heap held by %d UIs: empty pages %.1f MiB, in calls %.1f MiB; live calls %d",
                UIS, empty / 1048576.0, inCall / 1048576.0, calls.liveCalls()));
    }

    private long heldHeap(Routes routes, boolean inCall) {
        List<Object> keep = new ArrayList<>();
        long before = usedAfterGc();
        for (int i = 0; i < UIS; i++) {
            MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
            UI ui = UI.getCurrent();
            ui.setLocale(Locale.ENGLISH);
            ui.navigate(inCall ? "" : "bench-empty");
            if (inCall) {
                talk(_get(CallView.class));
            }
            keep.add(ui.getSession());
        }
        long held = usedAfterGc() - before;
        if (keep.size() != UIS) {
            throw new IllegalStateException();
        }
        return held;
    }

    private static void talk(CallView view) {
        ButtonKt._click(_get(NativeButton.class, spec -> spec.withAttribute("aria-label", "Accept call")));
        MockVaadin.clientRoundtrip(false);
        report(view, "ready", "");
        report(view, "speaking-started", "u1");
        report(view, "speaking-ended", "u1");
        InCallScreen screen = (InCallScreen) view.screen;
        ObjectNode data = JSON.createObjectNode().put("element.value", "What is Avatar Call?")
                .put("event.key === 'Enter' && !event.shiftKey && !event.isComposing", true);
        BasicUtilsKt._fireDomEvent(screen.chat.input, "keydown", data);
        MockVaadin.clientRoundtrip(false);
        report(view, "speaking-started", "u2");
        report(view, "speaking-ended", "u2");
    }

    private static void report(CallView view, String type, String utterance) {
        ObjectNode data = JSON.createObjectNode();
        data.set("event.detail", JSON.createObjectNode().put("type", type).put("utterance", utterance));
        BasicUtilsKt._fireDomEvent(view.stage, "stage-event", data);
        MockVaadin.clientRoundtrip(false);
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
