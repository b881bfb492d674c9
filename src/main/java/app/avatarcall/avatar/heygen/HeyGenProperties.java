package app.avatarcall.avatar.heygen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * HeyGen Interactive Avatar settings. The key comes from the environment ({@code HEYGEN_API_KEY}) and has no default.
 *
 * @param apiKey              the HeyGen API key (app.heygen.com; LiveAvatar keys do not work here)
 * @param baseUrl             the API ({@code HEYGEN_BASE_URL})
 * @param avatarId            the avatar to show (a public one such as {@code Ann_Therapist_public}, or your own)
 * @param voiceId             the voice (empty: the avatar's own; not every HeyGen voice streams)
 * @param quality             {@code high} (720p), {@code medium} (480p) or {@code low} (360p)
 * @param knowledgeBaseId     a knowledge base made at labs.heygen.com; with it the avatar answers in Talk mode itself
 * @param knowledgeBase       or a persona prompt for HeyGen's own language model, with the same effect
 * @param activityIdleTimeout HeyGen closes a session with no task or keep-alive this long (30 s to 1 h); longer than
 *                            the call's own idle timeout and keep-alive interval, so that the call decides
 * @param connectTimeout      how long to wait for a connection
 * @param callTimeout         how long one call may take; creating a session has taken about a minute from Moscow
 * @param voiceEmotion        the voice's tone for the whole session, where the voice supports one ({@code excited},
 *                            {@code serious}, {@code friendly}, {@code soothing}, {@code broadcaster}; empty: none).
 *                            HeyGen takes it once, at {@code streaming.new}: a reply's own emotion cannot change it
 */
@Validated
@ConfigurationProperties("heygen")
record HeyGenProperties(
        @Nullable String apiKey,
        @NotNull @DefaultValue("https://api.heygen.com") URI baseUrl,
        @NotBlank @DefaultValue("Ann_Therapist_public") String avatarId,
        @Nullable String voiceId,
        @NotNull @Pattern(regexp = "high|medium|low") @DefaultValue("medium") String quality,
        @Nullable String knowledgeBaseId,
        @Nullable String knowledgeBase,
        @NotNull @DurationMin(seconds = 30) @DurationMax(seconds = 3600) @DefaultValue("5m") Duration activityIdleTimeout,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("90s") Duration callTimeout,
        @NotNull @Pattern(regexp = "excited|serious|friendly|soothing|broadcaster|") @DefaultValue("friendly")
        String voiceEmotion) {

    /** With a knowledge base (or a prompt) HeyGen's own language model answers; without one we answer for it. */
    boolean answersItself() {
        return isSet(knowledgeBaseId) || isSet(knowledgeBase);
    }

    static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
