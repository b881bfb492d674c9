package app.avatarcall.conversation.llm;

/** A reply failed; {@link #failure} says how. */
final class LlmException extends Exception {

    final LlmFailure failure;

    LlmException(LlmFailure failure) {
        super(failure.toString(), null, false, false);
        this.failure = failure;
    }

    LlmException(LlmFailure.Kind kind, String detail) {
        this(new LlmFailure(kind, detail));
    }
}
