package app.avatarcall.avatar.liveavatar.fake;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Serves LITE sessions' WebSockets at {@code /fake-liveavatar/v1/ws/{session_id}?key=…}. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@Profile("fake-liveavatar")
class FakeLiveAvatarSockets implements WebSocketConfigurer {

    private final FakeLiveAvatarSocket socket;

    FakeLiveAvatarSockets(FakeLiveAvatarSocket socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, FakeLiveAvatarSocket.PATH_PREFIX + "*");
    }
}
