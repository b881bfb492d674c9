package app.avatarcall.call;

import app.avatarcall.avatar.ConnectionQuality;
import app.avatarcall.avatar.StageSetup;
import app.avatarcall.conversation.ChatMode;
import java.time.Duration;

/** What views hear from a call. Delivered on whatever thread the change happened; views use {@code UI.access}. */
public sealed interface CallEvent {

    record StateChanged(CallState state) implements CallEvent {
    }

    /** The avatar session is open: the page's stage can show it and must attach to it. */
    record AvatarReady(StageSetup stage) implements CallEvent {
    }

    /** A new chat line, or a line that grew (same id). */
    record MessageShown(ChatMessage message) implements CallEvent {
    }

    /** The provider has a picture of the avatar for the ringing screen. */
    record PreviewFound(String url) implements CallEvent {
    }

    /** Every line of the avatar provider is taken; the call tries again by itself after {@code retryIn}. */
    record LinesBusy(Duration retryIn) implements CallEvent {
    }

    record SpeakingChanged(boolean speaking) implements CallEvent {
    }

    record ModeChanged(ChatMode mode) implements CallEvent {
    }

    record ConnectionChanged(ConnectionQuality quality) implements CallEvent {
    }

    /** Nobody has done anything for a while: the call ends after {@code left} unless the person acts. */
    record IdleWarned(Duration left) implements CallEvent {
    }

    record IdleWarningCleared() implements CallEvent {
    }
}
