package app.avatarcall.conversation.llm.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replies a real model might give, made from the request alone: who the avatar is (the system prompt's "You are
 * Ava, …"), the language it is told to answer in, and the knowledge passages it was given. A greeting gets a
 * greeting, a question with a passage gets that passage's answer, anything else an honest "I don't know".
 */
final class FakeReplies {

    private static final Pattern NAME = Pattern.compile("You are ([^,.\\n]{1,40}),");
    private static final Pattern LANGUAGE = Pattern.compile("language code \"(\\w+)\"");
    private static final Pattern PASSAGE = Pattern.compile("^- Q: .*? A: (.+)$", Pattern.MULTILINE);
    private static final Pattern GREETING = Pattern.compile(
            "^\\W*(hi|hello|hey|good (morning|evening|afternoon)|привет|здравствуй\\w*|добр\\w+ (утро|день|вечер))\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TOKEN = Pattern.compile("[\\[\\]]|\\s*[\\p{L}\\p{N}'’]{1,6}|\\s*[^\\s\\p{L}\\p{N}]|\\s+");

    private FakeReplies() {
    }

    /** A reply, starting with an emotion tag, to the last question of a conversation with this system prompt. */
    static String reply(String system, String question) {
        Matcher name = NAME.matcher(system);
        if (!name.find()) {
            return "[neutral] You said: " + question;
        }
        Matcher languageCode = LANGUAGE.matcher(system);
        boolean russian = languageCode.find() ? "ru".equals(languageCode.group(1))
                : question.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
        String avatar = name.group(1).strip();
        if (GREETING.matcher(question).find()) {
            return russian ? "[happy] Привет! Это " + avatar + ". Приятно вас слышать. О чём поговорим?"
                    : "[happy] Hi! It's " + avatar + ". Lovely to hear from you. What shall we talk about?";
        }
        Matcher passage = PASSAGE.matcher(system);
        if (passage.find()) {
            return "[neutral] " + passage.group(1).strip();
        }
        return russian ? "[thinking] Хм, хороший вопрос. Этого я пока не знаю. Спросите меня о звонках, режимах или языках."
                : "[thinking] Hmm, good question. I don't know that yet. Ask me about calls, modes or languages.";
    }

    /** The text in pieces of the size models stream: a short word with its leading space, a mark, a bracket. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
