package app.avatarcall.ops.privacy;

/**
 * What is kept of one Telegram user, counted: what an export holds and an erasure deletes.
 *
 * @param botUser         whether they are in the bot's users
 * @param scheduledCalls  calls the bot places for them
 * @param rings           rings of those calls
 * @param callRecords     records of their calls
 * @param transcriptLines lines of their calls' transcripts
 */
public record PersonSummary(TelegramId id, boolean botUser, int scheduledCalls, int rings, int callRecords,
                            int transcriptLines) {

    /** Whether anything at all is kept of them. */
    public boolean known() {
        return botUser || scheduledCalls + rings + callRecords + transcriptLines > 0;
    }

    @Override
    public String toString() {
        return id.person() + ": " + (botUser ? "bot user" : "no bot user") + ", " + scheduledCalls + " scheduled calls, "
                + rings + " rings, " + callRecords + " call records, " + transcriptLines + " transcript lines";
    }
}
