/**
 * Alerts to the operators' admin chats ({@code TELEGRAM_ADMIN_CHAT_IDS}): the avatar provider going down and coming
 * back, a call that failed, and a spike of errors in the log. Each kind is sent at most once per
 * {@code telegram.alerts.every}; what was held back is counted into the next one, so an outage does not flood.
 */
@NullMarked
package app.avatarcall.telegram.alert;

import org.jspecify.annotations.NullMarked;
