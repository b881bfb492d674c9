/**
 * The Mini App's side of the page: the {@code telegram-bridge} web component (launch parameters, Telegram's theme,
 * native buttons and haptics), the Telegram user bound to the Vaadin session once their {@code initData} checked out,
 * the screens that turn people away, and the theme painted before the first frame.
 */
@NullMarked
package app.avatarcall.telegram.miniapp.ui;

import org.jspecify.annotations.NullMarked;
