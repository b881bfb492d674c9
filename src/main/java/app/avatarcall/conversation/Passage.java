package app.avatarcall.conversation;

/** A piece of the knowledge base that bears on a question, for a language model to answer from. */
public record Passage(String question, String answer) {
}
