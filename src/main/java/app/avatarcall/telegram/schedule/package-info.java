/**
 * Calls the bot places: an operator schedules a call to someone who started the bot (once, or daily or weekly on
 * their own clock); at the time the bot sends "📞 Incoming video call" with an Answer button that opens the Mini App
 * ringing, and if nobody answers within the window the message turns into a missed call with Call back.
 * <p>
 * Persistent and cluster-safe on db-scheduler and the app's database: a restart loses nothing, each due time rings
 * at most once whichever instance gets there first ({@code telegram_call_ring}'s unique key), and a Telegram that is
 * down is tried again later. {@link app.avatarcall.telegram.schedule.ScheduledCalls} is the API.
 */
@NullMarked
package app.avatarcall.telegram.schedule;

import org.jspecify.annotations.NullMarked;
