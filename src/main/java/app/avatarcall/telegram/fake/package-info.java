/**
 * An in-process Telegram Bot API, serving the same paths ({@code /bot<token>/<method>}), envelopes
 * ({@code {"ok":true,"result":…}} / {@code {"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":…}}})
 * and rules as the real one for what the bot uses: long polling with offsets, webhooks, messages with Web App
 * buttons (HTTPS only), edits, menu buttons, commands; 401 for a wrong token, 403 for a person who blocked the bot,
 * 429 and 5xx on demand. It records every call. On with the {@code fake-telegram} profile; point
 * {@code TELEGRAM_API_URL} at the app itself ({@code http://localhost:8080}). People are simulated with
 * {@link app.avatarcall.telegram.fake.FakeTelegram} (tests) or {@code POST /fake-telegram/users/<id>/messages}.
 */
@NullMarked
package app.avatarcall.telegram.fake;

import org.jspecify.annotations.NullMarked;
