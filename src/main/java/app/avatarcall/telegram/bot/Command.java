package app.avatarcall.telegram.bot;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A command someone sent: {@code /name}, {@code /name@bot} (in groups), with whatever follows as the argument.
 * The argument is untrusted text; whoever uses it checks it.
 *
 * @param addressee the bot named after {@code @}, if any
 * @param argument  the rest of the message, trimmed; empty when none
 */
record Command(String name, @Nullable String addressee, String argument) {

    private static final Pattern SHAPE = Pattern.compile("^/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$",
            Pattern.DOTALL);

    static Optional<Command> parse(String text) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String argument = m.group(3) == null ? "" : m.group(3).strip();
        return Optional.of(new Command(m.group(1).toLowerCase(Locale.ROOT), m.group(2), argument));
    }

    /** A command meant for another bot in a group: not ours to answer. */
    boolean forAnotherBot(Optional<String> ourName) {
        return addressee != null && ourName.map(name -> !name.equalsIgnoreCase(addressee)).orElse(false);
    }
}
