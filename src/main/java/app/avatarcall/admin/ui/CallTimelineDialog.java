package app.avatarcall.admin.ui;

import app.avatarcall.call.CallMoment;
import app.avatarcall.call.CallService;
import app.avatarcall.call.LiveCall;
import app.avatarcall.ops.privacy.PrivacySettings;
import app.avatarcall.ops.privacy.TranscriptLine;
import app.avatarcall.ops.privacy.Transcripts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A live call's story so far: when its state, avatar, connection and idle warnings changed. What was said only while
 * an operator has transcripts turned on (the privacy page), and then as text.
 */
class CallTimelineDialog extends Dialog {

    final Grid<CallMoment> moments = new Grid<>();
    final Grid<TranscriptLine> lines = new Grid<>();
    private final CallService calls;
    private final Transcripts transcripts;
    private final PrivacySettings privacy;
    private @Nullable UUID shown;

    CallTimelineDialog(CallService calls, Transcripts transcripts, PrivacySettings privacy) {
        this.calls = calls;
        this.transcripts = transcripts;
        this.privacy = privacy;
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
        moments.addColumn(moment -> time.format(moment.at())).setHeader(getTranslation("admin.live.moment.at"))
                .setAutoWidth(true);
        moments.addColumn(moment -> getTranslation("admin.live.moment." + moment.kind().name()))
                .setHeader(getTranslation("admin.live.moment.kind")).setAutoWidth(true);
        moments.addColumn(this::detail).setHeader(getTranslation("admin.live.moment.detail")).setFlexGrow(1);
        moments.setWidth("min(40rem, 90vw)");
        moments.setHeight("50vh");
        lines.addColumn(line -> time.format(line.at())).setHeader(getTranslation("admin.live.moment.at"))
                .setAutoWidth(true);
        lines.addColumn(line -> getTranslation("admin.live.said." + line.who())).setAutoWidth(true)
                .setHeader(getTranslation("admin.live.said.who"));
        lines.addColumn(TranscriptLine::text).setHeader(getTranslation("admin.live.said.text")).setFlexGrow(1);
        lines.setWidth("min(40rem, 90vw)");
        lines.setHeight("30vh");
        lines.setVisible(false);
        add(moments, lines);
        getFooter().add(new Button(getTranslation("admin.live.close"), click -> close()));
        addOpenedChangeListener(opened -> {
            if (!opened.isOpened()) {
                shown = null;
            }
        });
    }

    /** The moment's word of detail in the operator's language. */
    private String detail(CallMoment moment) {
        return switch (moment.kind()) {
            case STATE -> getTranslation("admin.live.state." + moment.detail());
            case CONNECTION -> getTranslation("admin.live.connection." + moment.detail());
            case SPEAKING -> getTranslation("admin.live.moment.speaking." + moment.detail());
            case IDLE_WARNED -> getTranslation("admin.live.moment.left", moment.detail());
            case MODE -> getTranslation("admin.live.moment.mode." + moment.detail());
            case AVATAR_READY, IDLE_CLEARED, LINES_BUSY -> moment.detail();
        };
    }

    void show(LiveCall call) {
        shown = call.id();
        setHeaderTitle(getTranslation("admin.live.timeline.title", call.avatarName()));
        moments.setItems(calls.timeline(call.id()));
        showLines(call.id());
        open();
    }

    private void showLines(UUID call) {
        boolean kept = privacy.current().transcripts();
        lines.setVisible(kept);
        lines.setItems(kept ? transcripts.of(call) : java.util.List.of());
    }

    /** Keeps an open timeline current; once the call is over its last moments stay on screen. */
    void refresh() {
        if (shown != null) {
            var now = calls.timeline(shown);
            if (!now.isEmpty()) {
                moments.setItems(now);
            }
            showLines(shown);
        }
    }
}
