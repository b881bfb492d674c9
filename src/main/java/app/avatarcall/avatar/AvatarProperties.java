package app.avatarcall.avatar;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param provider which {@link AvatarProvider} calls use ({@code AVATAR_PROVIDER}: demo, liveavatar, heygen) */
@Validated
@ConfigurationProperties("avatar")
record AvatarProperties(@NotBlank @DefaultValue("demo") String provider) {
}
