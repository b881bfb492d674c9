/**
 * The app inside Telegram: who the person is, from the {@code initData} Telegram signs (validated here with the bot
 * token, never trusted from the page), and the headers Telegram's web clients need to frame the app.
 */
@NullMarked
package app.avatarcall.telegram.miniapp;

import org.jspecify.annotations.NullMarked;
