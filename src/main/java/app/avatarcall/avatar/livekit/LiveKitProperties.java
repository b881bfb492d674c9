package app.avatarcall.avatar.livekit;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's own LiveKit server. Off unless {@code url} is set.
 *
 * @param url        where browsers and avatars connect ({@code wss://…}, {@code LIVEKIT_URL})
 * @param apiUrl     where the server API answers; empty: {@code url} with {@code https}/{@code http}
 * @param apiKey     {@code LIVEKIT_API_KEY}
 * @param apiSecret  {@code LIVEKIT_API_SECRET}; signs tokens and verifies webhooks
 * @param tokenTtl   how long a minted token may be used to join (a call that joins keeps its connection)
 * @param roomPrefix names of the rooms we create, so that we only ever delete our own
 * @param roomGrace  a room of ours younger than this is spared by the clean-up: it may be opening for a call
 */
@ConfigurationProperties("livekit")
public record LiveKitProperties(
        @Nullable URI url,
        @Nullable URI apiUrl,
        @Nullable String apiKey,
        @Nullable String apiSecret,
        @DefaultValue("10m") Duration tokenTtl,
        @DefaultValue("avatar-call-") String roomPrefix,
        @DefaultValue("2m") Duration roomGrace) {

    /** The HTTP address of the server API (Twirp), from {@code apiUrl} or derived from the WebSocket URL. */
    String serverApi() {
        if (apiUrl != null) {
            return apiUrl.toString();
        }
        String ws = String.valueOf(url);
        return ws.replaceFirst("^wss://", "https://").replaceFirst("^ws://", "http://");
    }
}
