package app.avatarcall.ops.privacy;

import java.util.Optional;

/** A Telegram user's id, as an operator types it: digits only (at most 15: Telegram's ids fit in 52 bits). */
public record TelegramId(long value) {

    public TelegramId {
        if (value <= 0) {
            throw new IllegalArgumentException("a Telegram user id is positive");
        }
    }

    public static Optional<TelegramId> parse(String typed) {
        String digits = typed.strip();
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long value = Long.parseLong(digits);
        return value > 0 ? Optional.of(new TelegramId(value)) : Optional.empty();
    }

    /** The person key their calls are recorded under. */
    public String person() {
        return "tg:" + value;
    }
}
