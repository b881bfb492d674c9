package app.avatarcall.call.ui;

import app.avatarcall.avatar.Emotion;
import app.avatarcall.call.ChatMessage;
import app.avatarcall.call.SendResult;
import app.avatarcall.call.VoiceRoute;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.conversation.MessageText;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The chat of a call: the conversation (the person's lines on one side, the avatar's growing as it speaks), the
 * Talk / Repeat switch, and the composer. Text is always set as text, never as HTML.
 */
class ChatPanel extends Div {

    /** Past this many characters the counter shows, so the limit never comes as a surprise. */
    private static final int COUNTER_FROM = 800;
    private static final Map<Emotion, String> REACTIONS = Map.of(Emotion.HAPPY, "😊", Emotion.SAD, "😔",
            Emotion.SURPRISED, "😮", Emotion.THINKING, "🤔", Emotion.NEUTRAL, "");

    final Div log = new Div();
    final Input input = new Input();
    final NativeButton send;
    final Span counter = new Span();
    final Span error = new Span();
    final VoiceInput voice;
    final Map<ChatMode, NativeButton> modes = new EnumMap<>(ChatMode.class);
    private final Span modeHint = new Span();
    private final Map<String, Div> lines = new HashMap<>();
    private final Function<String, SendResult> sender;
    private final String avatarName;

    ChatPanel(String avatarName, ChatMode mode, Function<String, SendResult> sender, Consumer<ChatMode> onMode,
              VoiceRoute voiceRoute) {
        this.sender = sender;
        this.avatarName = avatarName;
        addClassName("chat");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("chat.title"));

        Div logInner = new Div();
        logInner.addClassName("chat-log-inner");
        log.add(logInner);
        log.addClassName("chat-log");
        log.getElement().setAttribute("role", "log");
        log.getElement().setAttribute("aria-live", "polite");
        log.getElement().setAttribute("aria-label", getTranslation("chat.log"));
        log.getElement().setAttribute("tabindex", "0");

        Div modeSwitch = new Div();
        modeSwitch.addClassName("mode-switch");
        modeSwitch.getElement().setAttribute("role", "group");
        modeSwitch.getElement().setAttribute("aria-label", getTranslation("chat.mode"));
        for (ChatMode each : ChatMode.values()) {
            NativeButton button = new NativeButton(getTranslation("chat.mode." + each), click -> onMode.accept(each));
            button.addClassName("mode-button");
            modes.put(each, button);
            modeSwitch.add(button);
        }
        modeHint.addClassName("mode-hint");
        Div modes = new Div(modeSwitch, modeHint);
        modes.addClassName("chat-modes");

        input.setPlaceholder(getTranslation("chat.placeholder"));
        input.getElement().setAttribute("aria-label", getTranslation("chat.placeholder"));
        input.getElement().setAttribute("enterkeyhint", "send");
        input.getElement().setAttribute("autocomplete", "off");
        input.setValueChangeMode(ValueChangeMode.LAZY);
        input.setValueChangeTimeout(250);
        input.addValueChangeListener(change -> showCount(change.getValue()));
        // Enter sends what is in the field right now, whether or not its value has reached the server yet.
        input.getElement().addEventListener("keydown", event -> submit(event.getEventData().get("element.value").asString()))
                .setFilter("event.key === 'Enter' && !event.shiftKey && !event.isComposing")
                .addEventData("element.value")
                .preventDefault();
        send = RoundButton.create("send", getTranslation("chat.send"), click -> { });
        send.getElement().addEventListener("click", event -> submit(event.getEventData().get(FIELD_VALUE).asString()))
                .addEventData(FIELD_VALUE);
        counter.addClassName("chat-counter");
        counter.getElement().setAttribute("aria-live", "polite");
        voice = new VoiceInput(voiceRoute, getLocale(), this::say, this::showError);
        Div composer = new Div(input, counter, voice, send);
        composer.addClassName("composer");
        error.addClassName("chat-error");
        error.getElement().setAttribute("role", "alert");

        add(log, modes, error, composer);
        setMode(mode);
        showError("");
    }

    private static final String FIELD_VALUE = "element.closest('.composer').querySelector('input').value";

    void setMode(ChatMode mode) {
        modes.forEach((each, button) -> {
            button.getElement().setAttribute("aria-pressed", String.valueOf(each == mode));
            button.setClassName("mode-button--on", each == mode);
        });
        modeHint.setText(getTranslation("chat.mode." + mode + ".hint", avatarName));
    }

    /** Shows a new line, or the new text of a line already shown. */
    void show(ChatMessage message) {
        Div line = lines.computeIfAbsent(message.id(), id -> newLine(message.author()));
        line.getChildren().skip(1).findFirst().map(Span.class::cast).orElseThrow().setText(message.text());
        line.setClassName("chat-line--typing", message.text().isEmpty() && !message.complete());
        line.setClassName("chat-line--streaming", !message.complete());
        if (message.emotion() != Emotion.NEUTRAL) {
            react(line, message.emotion());
        }
        if (message.complete()) {
            lines.remove(message.id());
        }
    }

    /** The avatar's feeling, as a small emoji on its line (with its name for screen readers). */
    private void react(Div line, Emotion emotion) {
        Span reaction = line.getChildren().skip(2).findFirst().map(Span.class::cast).orElseGet(() -> {
            Span added = new Span();
            added.addClassName("chat-reaction");
            line.add(added);
            return added;
        });
        reaction.setText(REACTIONS.get(emotion));
        reaction.getElement().setAttribute("role", "img");
        reaction.getElement().setAttribute("aria-label", getTranslation("chat.reaction." + emotion));
        reaction.getElement().setAttribute("title", getTranslation("chat.reaction." + emotion));
    }

    private Div newLine(ChatMessage.Author author) {
        boolean person = author == ChatMessage.Author.PERSON;
        Span who = new Span(person ? getTranslation("chat.you") : avatarName);
        who.addClassName("chat-who");
        Span text = new Span();
        text.addClassName("chat-text");
        Div line = new Div(who, text);
        line.addClassNames("chat-line", person ? "chat-line--person" : "chat-line--avatar");
        log.getChildren().findFirst().map(Div.class::cast).orElseThrow().add(line);
        return line;
    }

    private void submit(String raw) {
        switch (sender.apply(raw)) {
            case SendResult.Sent sent -> {
                input.setValue(raw); // the server may not have the typed value yet; make the clear below a change
                input.setValue("");
                showError("");
                showCount("");
            }
            case SendResult.Empty empty -> showError(getTranslation("chat.empty"));
            case SendResult.TooLong tooLong ->
                    showError(getTranslation("chat.too-long", String.valueOf(tooLong.length()),
                            String.valueOf(tooLong.max())));
            case SendResult.NotInCall notInCall -> showError(getTranslation("chat.not-in-call"));
        }
    }

    /** What the person said by voice goes on like typed text, leaving whatever is typed in the field alone. */
    private void say(String text) {
        switch (sender.apply(text)) {
            case SendResult.Sent sent -> showError("");
            case SendResult.Empty empty -> showError(getTranslation("voice.nothing-heard"));
            case SendResult.TooLong tooLong ->
                    showError(getTranslation("chat.too-long", String.valueOf(tooLong.length()),
                            String.valueOf(tooLong.max())));
            case SendResult.NotInCall notInCall -> showError(getTranslation("chat.not-in-call"));
        }
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(!text.isEmpty());
    }

    private void showCount(String value) {
        int length = MessageText.length(value);
        counter.setText(length >= COUNTER_FROM ? getTranslation("chat.counter", String.valueOf(length),
                String.valueOf(MessageText.MAX_LENGTH)) : "");
        counter.setClassName("chat-counter--over", length > MessageText.MAX_LENGTH);
    }
}
