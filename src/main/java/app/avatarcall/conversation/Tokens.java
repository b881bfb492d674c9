package app.avatarcall.conversation;

/**
 * Estimates how many tokens a language model counts in a text, without its tokenizer: about four characters a token
 * in English, and fewer in Russian, whose words BPE tokenizers cut into smaller pieces (GPT-4's cl100k about 2.5
 * characters a token, GPT-4o's o200k about 3.5: this errs on the side of more). Emoji and other symbols count one
 * each. Good to some ten per cent on ordinary text, which is all a memory budget needs.
 */
public final class Tokens {

    /** What a chat message costs beyond its text (role and separators). */
    public static final int PER_MESSAGE = 4;

    private Tokens() {
    }

    public static int estimate(String text) {
        double tokens = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (c < 0x80) {
                tokens += Character.isLetterOrDigit(c) ? 0.25 : 0.5;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
                tokens += 0.4;
            } else {
                tokens += 1;
            }
        }
        return (int) Math.ceil(tokens);
    }
}
