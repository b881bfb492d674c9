package app.avatarcall.telegram.bot;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.TelegramProperties;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

@Configuration(proxyBeanMethods = false)
@OnBot
class BotConfiguration {

    /** Scheme, host and port of the Bot API, as Telegram's client takes them. */
    @Bean
    TelegramUrl telegramUrl(TelegramProperties properties) {
        URI api = properties.apiUrl();
        int port = api.getPort() != -1 ? api.getPort() : "http".equals(api.getScheme()) ? 80 : 443;
        return TelegramUrl.builder().schema(api.getScheme()).host(api.getHost()).port(port)
                .testServer(properties.testServer()).build();
    }

    /** One connection pool for every Bot API call; long polls wait up to {@code telegram.poll-timeout}. */
    @Bean
    OkHttpClient telegramHttpClient(TelegramProperties properties) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(properties.pollTimeout().plusSeconds(15))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    TelegramClient telegramClient(OkHttpClient telegramHttpClient, TelegramProperties properties, TelegramUrl url) {
        return new OkHttpTelegramClient(telegramHttpClient, properties.token(), url);
    }
}
