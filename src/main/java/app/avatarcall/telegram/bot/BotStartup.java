package app.avatarcall.telegram.bot;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.telegram.MiniAppLinks;
import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.TelegramProperties;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;

/**
 * Once the app is up: learns the bot's username, registers its commands in English (the default) and Russian, points
 * the default menu button at the Mini App, and starts receiving updates (a webhook, or long polling). Telegram being
 * unreachable now is logged, not fatal: polling keeps trying by itself.
 */
@Component
@OnBot
class BotStartup {

    static final List<String> UPDATES = List.of("message", "callback_query", "my_chat_member");
    private static final Logger log = LoggerFactory.getLogger(BotStartup.class);
    private static final List<String> COMMANDS = List.of("start", "call", "help", "language");

    private final BotApi api;
    private final BotTexts texts;
    private final MiniAppLinks links;
    private final AvatarDirectory avatars;
    private final TelegramProperties properties;
    private final WebhookSecret secret;
    private final LongPolling polling;

    BotStartup(BotApi api, BotTexts texts, MiniAppLinks links, AvatarDirectory avatars, TelegramProperties properties,
               WebhookSecret secret, LongPolling polling) {
        if (!links.hasWebapp()) {
            throw new IllegalStateException("TELEGRAM_BOT_TOKEN is set but TELEGRAM_WEBAPP_URL (or APP_PUBLIC_URL) is "
                    + "not: the bot needs the HTTPS address of the Mini App");
        }
        this.api = api;
        this.texts = texts;
        this.links = links;
        this.avatars = avatars;
        this.properties = properties;
        this.secret = secret;
        this.polling = polling;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        step("getMe", () -> links.learnBotUsername(api.execute(new GetMe()).getUserName()));
        step("setMyCommands", () -> {
            registerCommands(Locale.ENGLISH, "");
            registerCommands(Locale.forLanguageTag("ru"), "ru");
        });
        step("setChatMenuButton", () -> api.execute(SetChatMenuButton.builder()
                .menuButton(MenuButtonWebApp.builder().text(texts.get(Locale.ENGLISH, "menu.button"))
                        .webAppInfo(WebAppInfo.builder().url(links.callUrl(avatars.defaultAvatar()).toString()).build())
                        .build())
                .build()));
        if (properties.webhook()) {
            step("setWebhook", () -> api.setWebhook(SetWebhook.builder().url(properties.webhookUrl())
                    .secretToken(secret.value()).allowedUpdates(UPDATES).build()));
            log.info("Telegram bot receives updates by webhook");
        } else if (properties.polling()) {
            polling.start();
        } else {
            log.info("Telegram bot receives no updates on this instance (TELEGRAM_POLLING=false); it only sends");
        }
    }

    private void registerCommands(Locale locale, String languageCode) {
        api.execute(SetMyCommands.builder()
                .commands(COMMANDS.stream().map(name -> BotCommand.builder().command(name)
                        .description(texts.get(locale, "commands." + name)).build()).toList())
                .scope(BotCommandScopeDefault.builder().build())
                .languageCode(languageCode.isEmpty() ? null : languageCode)
                .build());
    }

    private static void step(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Telegram bot start-up: {} failed: {}", what, e.getMessage());
        }
    }
}
