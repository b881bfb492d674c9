package app.avatarcall.telegram.bot;

import java.net.URI;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;

/** Inline keyboards the bot sends. A {@code web_app} button works only in a private chat with the bot. */
public final class Buttons {

    private Buttons() {
    }

    /** One button that opens the Mini App at this address inside Telegram. */
    public static InlineKeyboardMarkup webApp(String text, URI url) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder()
                .text(text).webApp(WebAppInfo.builder().url(url.toString()).build()).build())).build();
    }

    /** One button that opens a link (a {@code t.me} deep link, for chats where Web App buttons are not allowed). */
    public static InlineKeyboardMarkup link(String text, URI url) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder()
                .text(text).url(url.toString()).build())).build();
    }

    /** A row of buttons that send back {@code callback_data}. */
    static InlineKeyboardMarkup choices(List<InlineKeyboardButton> buttons) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(buttons)).build();
    }

    static InlineKeyboardButton choice(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }
}
