package app.avatarcall.ops.privacy;

/**
 * What the operator chose: whether the calls' transcripts are kept, and for how many days.
 *
 * @param transcripts   whether the person's messages and the avatar's replies are stored
 * @param retentionDays how long a transcript is kept, {@value #MIN_DAYS}–{@value #MAX_DAYS} days
 */
public record Privacy(boolean transcripts, int retentionDays) {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;

    public Privacy {
        if (retentionDays < MIN_DAYS || retentionDays > MAX_DAYS) {
            throw new IllegalArgumentException("retention of " + retentionDays + " days is not within "
                    + MIN_DAYS + "–" + MAX_DAYS);
        }
    }
}
