package app.avatarcall.conversation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * What was said in one call, so that a reply can follow on from what came before. Kept in memory only, for the
 * call's life, and never stored. Thread-safe.
 */
public final class Memory {

    /** However long a call, no more exchanges than this are kept at all. */
    static final int MOST = 64;

    /** One exchange: the person's words (empty for the avatar's greeting) and what the avatar said back. */
    public record Exchange(String question, String answer) {

        int tokens() {
            return Tokens.estimate(question) + Tokens.estimate(answer) + 2 * Tokens.PER_MESSAGE;
        }
    }

    private final Deque<Exchange> exchanges = new ArrayDeque<>();

    public synchronized void remember(String question, String answer) {
        exchanges.addLast(new Exchange(question, answer));
        if (exchanges.size() > MOST) {
            exchanges.removeFirst();
        }
    }

    /** The latest exchanges that fit in {@code tokens} (whole exchanges only), oldest first. */
    public synchronized List<Exchange> recent(int tokens) {
        List<Exchange> recent = new ArrayList<>();
        int used = 0;
        for (Iterator<Exchange> it = exchanges.descendingIterator(); it.hasNext(); ) {
            Exchange exchange = it.next();
            used += exchange.tokens();
            if (used > tokens) {
                break;
            }
            recent.addFirst(exchange);
        }
        return recent;
    }

    public synchronized int size() {
        return exchanges.size();
    }
}
