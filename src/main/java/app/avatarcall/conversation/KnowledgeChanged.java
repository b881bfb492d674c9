package app.avatarcall.conversation;

/** Something in the knowledge base was added, changed or removed: the index is built again from what is kept. */
public record KnowledgeChanged(long itemId) {
}
