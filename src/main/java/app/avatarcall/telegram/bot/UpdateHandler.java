package app.avatarcall.telegram.bot;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.telegram.MiniAppLinks;
import app.avatarcall.telegram.TelegramProperties;
import app.avatarcall.telegram.OnBot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;

/**
 * What the bot does with one update: {@code /start [avatar]}, {@code /call [avatar]}, {@code /help},
 * {@code /language [ru|en]}, the language buttons, and people blocking or unblocking it. Anything else gets a short
 * hint or is dropped quietly; nothing here throws at Telegram's input.
 */
@Component
@OnBot
class UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
    private static final String LANGUAGE_CHOICE = "lang:";

    private final BotApi api;
    private final BotUsers users;
    private final BotTexts texts;
    private final FloodGuard flood;
    private final MiniAppLinks links;
    private final AvatarDirectory avatars;
    private final TelegramProperties properties;

    UpdateHandler(BotApi api, BotUsers users, BotTexts texts, FloodGuard flood, MiniAppLinks links,
                  AvatarDirectory avatars, TelegramProperties properties) {
        this.api = api;
        this.users = users;
        this.texts = texts;
        this.flood = flood;
        this.links = links;
        this.avatars = avatars;
        this.properties = properties;
    }

    void handle(Update update) {
        if (update.hasMessage()) {
            onMessage(update.getMessage());
        } else if (update.hasCallbackQuery()) {
            onCallback(update.getCallbackQuery());
        } else if (update.hasMyChatMember()) {
            onMembership(update.getMyChatMember());
        } else {
            log.debug("update {} is of a kind the bot does not handle", update.getUpdateId());
        }
    }

    private void onMessage(Message message) {
        User from = message.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot()) || message.getChat() == null) {
            return;
        }
        if (!message.getChat().isUserChat()) {
            onGroupMessage(message);
            return;
        }
        BotUser user = users.seen(from);
        if (!allowed(user)) {
            return;
        }
        String text = message.getText();
        if (text == null) {
            say(user, "not.text");
            return;
        }
        Optional<Command> command = Command.parse(text);
        if (command.isEmpty()) {
            offerCall(user, avatarOf(user), "call.text.hint");
            return;
        }
        Command c = command.get();
        if (c.forAnotherBot(links.botUsername())) {
            return;
        }
        switch (c.name()) {
            case "start" -> start(from, c.argument());
            case "call" -> call(user, c.argument());
            case "help" -> say(user, "help", avatarOf(user).persona(user.locale()).name());
            case "language" -> language(user, c.argument());
            case "admin" -> console(user);
            default -> say(user, "unknown.command", "/" + c.name());
        }
    }

    private boolean allowed(BotUser user) {
        return switch (flood.check(user.id())) {
            case ALLOW -> true;
            case WARN -> {
                say(user, "flood");
                yield false;
            }
            case DROP -> false;
        };
    }

    /** {@code /start <payload>}: the payload (a deep link's {@code start=}) names the avatar; anything else: default. */
    private void start(User from, String payload) {
        AvatarProfile avatar = links.avatarFor(payload.isEmpty() ? null : payload);
        BotUser user = users.started(from, avatar.id());
        Locale locale = user.locale();
        AvatarProfile.Persona persona = avatar.persona(locale);
        if (send(user, texts.get(locale, "start.greeting", user.firstName(), persona.name()), callButton(avatar, locale))) {
            setMenuButton(user, avatar);
        }
    }

    private void call(BotUser user, String argument) {
        AvatarProfile avatar = argument.isEmpty() ? avatarOf(user) : links.avatarFor(argument);
        if (!argument.isEmpty()) {
            users.chooseAvatar(user.id(), avatar.id());
            setMenuButton(user, avatar);
        }
        offerCall(user, avatar, "call.prompt");
    }

    private void offerCall(BotUser user, AvatarProfile avatar, String key) {
        Locale locale = user.locale();
        send(user, texts.get(locale, key, avatar.persona(locale).name()), callButton(avatar, locale));
    }

    /** {@code /admin}: the console, for the people listed as admins; to anybody else an unknown command. */
    private void console(BotUser user) {
        if (!properties.adminIds().contains(user.id())) {
            say(user, "unknown.command", "/admin");
            return;
        }
        Locale locale = user.locale();
        send(user, texts.get(locale, "admin.prompt"),
                Buttons.webApp(texts.get(locale, "admin.button"), links.consoleUrl()));
    }

    private void language(BotUser user, String argument) {
        String chosen = argument.toLowerCase(Locale.ROOT);
        if (chosen.equals("ru") || chosen.equals("en")) {
            chooseLanguage(user, chosen);
            return;
        }
        send(user, texts.get(user.locale(), "language.choose"), Buttons.choices(List.of(
                Buttons.choice("Русский", LANGUAGE_CHOICE + "ru"), Buttons.choice("English", LANGUAGE_CHOICE + "en"))));
    }

    private void chooseLanguage(BotUser user, String language) {
        users.chooseLanguage(user.id(), language);
        BotUser updated = users.find(user.id()).orElse(user);
        if (send(updated, texts.get(updated.locale(), "language.set"), null)) {
            setMenuButton(updated, avatarOf(updated));
        }
    }

    private void onCallback(CallbackQuery query) {
        User from = query.getFrom();
        if (from == null) {
            return;
        }
        BotUser user = users.seen(from);
        String data = query.getData() == null ? "" : query.getData();
        api.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build()); // stops the spinner
        if (!allowed(user)) {
            return;
        }
        if (data.equals(LANGUAGE_CHOICE + "ru") || data.equals(LANGUAGE_CHOICE + "en")) {
            chooseLanguage(user, data.substring(LANGUAGE_CHOICE.length()));
        } // anything else is an old or forged button: nothing to do
    }

    /** Telegram tells the bot when a person blocks it ({@code kicked}) or unblocks it. */
    private void onMembership(ChatMemberUpdated change) {
        if (change.getChat() == null || !change.getChat().isUserChat() || change.getNewChatMember() == null) {
            return;
        }
        long id = change.getChat().getId();
        switch (change.getNewChatMember().getStatus()) {
            case "kicked", "left" -> users.markBlocked(id);
            case "member" -> users.markUnblocked(id);
            default -> { }
        }
    }

    /** In a group a Web App button is not allowed: a {@code /call} or {@code /start} gets a {@code t.me} link. */
    private void onGroupMessage(Message message) {
        String text = message.getText();
        Optional<Command> command = text == null ? Optional.empty() : Command.parse(text);
        if (command.isEmpty() || command.get().forAnotherBot(links.botUsername())
                || !List.of("call", "start").contains(command.get().name())) {
            return;
        }
        AvatarProfile avatar = links.avatarFor(command.get().argument().isEmpty() ? null : command.get().argument());
        Locale locale = localeOf(message.getFrom());
        links.directLink(avatar.id()).ifPresent(link -> api.execute(SendMessage.builder()
                .chatId(message.getChatId()).text(texts.get(locale, "group.hint"))
                .replyMarkup(Buttons.link(texts.get(locale, "call.button", avatar.persona(locale).name()), link))
                .build()));
    }

    private Locale localeOf(@Nullable User from) {
        String code = from == null ? null : from.getLanguageCode();
        return code != null && code.startsWith("ru") ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    }

    private AvatarProfile avatarOf(BotUser user) {
        return user.avatarId() == null ? avatars.defaultAvatar()
                : avatars.find(user.avatarId()).orElseGet(avatars::defaultAvatar);
    }

    private InlineKeyboardMarkup callButton(AvatarProfile avatar, Locale locale) {
        return Buttons.webApp(texts.get(locale, "call.button", avatar.persona(locale).name()), links.callUrl(avatar));
    }

    /** The button beside the message field opens the Mini App on their avatar. */
    private void setMenuButton(BotUser user, AvatarProfile avatar) {
        api.execute(SetChatMenuButton.builder().chatId(user.id())
                .menuButton(MenuButtonWebApp.builder().text(texts.get(user.locale(), "menu.button"))
                        .webAppInfo(WebAppInfo.builder().url(links.callUrl(avatar).toString()).build()).build())
                .build());
    }

    private void say(BotUser user, String key, Object... args) {
        send(user, texts.get(user.locale(), key, args), null);
    }

    /** False when the person has blocked the bot. */
    private boolean send(BotUser user, String text, @Nullable InlineKeyboardMarkup markup) {
        return api.send(SendMessage.builder().chatId(user.id()).text(text).replyMarkup(markup).build()).isPresent();
    }
}
