package app.avatarcall.avatar.liveavatar;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * LiveAvatar settings. The key comes from the environment ({@code LIVEAVATAR_API_KEY}) and has no default.
 *
 * @param apiKey         the LiveAvatar API key (not a HeyGen key: those do not work here)
 * @param baseUrl        the API ({@code LIVEAVATAR_BASE_URL})
 * @param avatarId       the avatar to show; the default is LiveAvatar's sandbox avatar
 * @param voiceId        the voice (empty: the avatar's own)
 * @param contextId      the context (without one a FULL-mode avatar streams but stays silent)
 * @param sandbox        sandbox sessions: free, about a minute long, for trials
 * @param connectTimeout how long to wait for a connection
 * @param callTimeout    how long one call may take; starting a session can take tens of seconds from far away
 * @param mode           {@code FULL}: LiveAvatar listens, thinks and speaks, in its own LiveKit room; {@code LITE}: we
 *                       bring the voice (our replies, our speech synthesis) and LiveAvatar renders the face from our
 *                       audio, in the operator's own LiveKit room when {@code LIVEKIT_URL} is set
 */
@Validated
@ConfigurationProperties("liveavatar")
record LiveAvatarProperties(
        @Nullable String apiKey,
        @NotNull @DefaultValue("https://api.liveavatar.com") URI baseUrl,
        @NotNull @DefaultValue("dd73ea75-1218-4ef3-92ce-606d5f7fbc0a") String avatarId,
        @Nullable String voiceId,
        @Nullable String contextId,
        @DefaultValue("false") boolean sandbox,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("60s") Duration callTimeout,
        @NotNull @DefaultValue("FULL") Mode mode) {

    enum Mode { FULL, LITE }
}
