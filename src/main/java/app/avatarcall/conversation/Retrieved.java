package app.avatarcall.conversation;

/**
 * What the knowledge base finds for a question, as the console shows it: the passage, how well it matched (BM25,
 * higher is better), and whether it would be said as the answer (only the best, and only if good enough).
 */
public record Retrieved(String title, String text, float score, boolean answers) {
}
