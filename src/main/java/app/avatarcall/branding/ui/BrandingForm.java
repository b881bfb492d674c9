package app.avatarcall.branding.ui;

import app.avatarcall.branding.Branding;
import app.avatarcall.branding.ScreenText;
import app.avatarcall.branding.ScreenTexts;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The branding's fields; it makes a draft of what they say, and shows what is wrong with one. */
class BrandingForm extends FormLayout {

    final ColourField accent;
    final ColourField backgroundFrom;
    final ColourField backgroundTo;
    final Select<Branding.Scheme> scheme = new Select<>();
    final Select<Branding.PortraitStyle> portrait = new Select<>();
    final Select<Branding.ChatPlacement> chat = new Select<>();
    final Select<Branding.Ringtone> ringtone = new Select<>();
    final IntegerField ringVolume = new IntegerField();
    final Checkbox captions = new Checkbox();
    final Checkbox animations = new Checkbox();
    /** "en.INCOMING_TITLE" → its field. */
    final Map<String, TextField> texts = new LinkedHashMap<>();

    BrandingForm(Runnable onChange) {
        accent = new ColourField(getTranslation("branding.accent"), onChange);
        // The ringing screen is the background's; the accent shows once the call is live.
        accent.hex.setHelperText(getTranslation("branding.accent.hint"));
        backgroundFrom = new ColourField(getTranslation("branding.background-from"), onChange);
        backgroundTo = new ColourField(getTranslation("branding.background-to"), onChange);
        choice(scheme, "branding.scheme", Branding.Scheme.values(), onChange);
        choice(portrait, "branding.portrait", Branding.PortraitStyle.values(), onChange);
        choice(chat, "branding.chat", Branding.ChatPlacement.values(), onChange);
        choice(ringtone, "branding.ringtone", Branding.Ringtone.values(), onChange);
        ringVolume.setLabel(getTranslation("branding.ring-volume"));
        ringVolume.setMin(0);
        ringVolume.setMax(100);
        ringVolume.setStep(5);
        ringVolume.setStepButtonsVisible(true);
        ringVolume.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        ringVolume.addValueChangeListener(change -> onChange.run());
        captions.setLabel(getTranslation("branding.captions"));
        captions.addValueChangeListener(change -> onChange.run());
        animations.setLabel(getTranslation("branding.animations"));
        animations.addValueChangeListener(change -> onChange.run());
        add(accent, backgroundFrom, backgroundTo, scheme, portrait, chat, ringtone, ringVolume, captions, animations);
        for (String language : List.of("en", "ru")) {
            for (ScreenText text : ScreenText.values()) {
                add(textField(language, text, onChange));
            }
        }
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("520px", 2));
    }

    private <T extends Enum<T>> void choice(Select<T> select, String key, T[] values, Runnable onChange) {
        select.setLabel(getTranslation(key));
        select.setItems(values);
        select.setItemLabelGenerator(value -> getTranslation(key + "." + value.name().toLowerCase(Locale.ROOT)));
        select.addValueChangeListener(change -> onChange.run());
    }

    private TextField textField(String language, ScreenText text, Runnable onChange) {
        Locale locale = Locale.forLanguageTag(language);
        TextField field = new TextField(getTranslation("branding.text." + text.name().toLowerCase(Locale.ROOT),
                getTranslation("branding.language." + language)));
        // Blank is the built-in text: it shows as the placeholder, in that language.
        field.setPlaceholder(getTranslation(locale, text.translationKey()));
        field.setMaxLength(ScreenText.MAX_LENGTH);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(change -> onChange.run());
        texts.put(language + "." + text.name(), field);
        return field;
    }

    void show(Branding branding) {
        accent.setValue(branding.accent());
        backgroundFrom.setValue(branding.backgroundFrom());
        backgroundTo.setValue(branding.backgroundTo());
        scheme.setValue(branding.scheme());
        portrait.setValue(branding.portrait());
        chat.setValue(branding.chat());
        ringtone.setValue(branding.ringtone());
        ringVolume.setValue(branding.ringVolume());
        captions.setValue(branding.captions());
        animations.setValue(branding.animations());
        texts.forEach((name, field) -> field.setValue(branding.texts().in(name.substring(0, 2))
                .getOrDefault(ScreenText.valueOf(name.substring(3)), "")));
    }

    /** What the fields say now, with the logo as it is stored ({@code logoVersion} blank: none). */
    Branding draft(String logoVersion) {
        Integer volume = ringVolume.getValue();
        Branding d = Branding.DEFAULT;
        return new Branding(accent.value(), backgroundFrom.value(), backgroundTo.value(),
                orElse(scheme, d.scheme()), orElse(portrait, d.portrait()), orElse(chat, d.chat()),
                captions.getValue(), orElse(ringtone, d.ringtone()),
                volume == null ? -1 : volume, animations.getValue(), logoVersion,
                new ScreenTexts(texts("en"), texts("ru")));
    }

    private Map<ScreenText, String> texts(String language) {
        Map<ScreenText, String> words = new EnumMap<>(ScreenText.class);
        texts.forEach((name, field) -> {
            if (name.startsWith(language + ".")) {
                words.put(ScreenText.valueOf(name.substring(3)), field.getValue());
            }
        });
        return words;
    }

    private static <T> T orElse(HasValue<?, T> field, T fallback) {
        return java.util.Objects.requireNonNullElse(field.getValue(), fallback);
    }

    /** Marks every field that is wrong with why; the others are cleared. */
    void showProblems(List<Branding.Problem> problems) {
        Map<String, String> why = new LinkedHashMap<>();
        problems.forEach(problem -> why.putIfAbsent(problem.field(), getTranslation(problem.messageKey(),
                ScreenText.MAX_LENGTH)));
        accent.showError(why.getOrDefault("accent", ""));
        backgroundFrom.showError(why.getOrDefault("backgroundFrom", ""));
        backgroundTo.showError(why.getOrDefault("backgroundTo", ""));
        ringVolume.setInvalid(why.containsKey("ringVolume"));
        ringVolume.setErrorMessage(why.getOrDefault("ringVolume", ""));
        texts.forEach((name, field) -> {
            String message = why.getOrDefault("text." + name, "");
            field.setInvalid(!message.isEmpty());
            field.setErrorMessage(message);
        });
    }
}
