package app.avatarcall.call;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CallConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Opening an avatar session can take tens of seconds with a real vendor: never on a UI thread. */
    @Bean(destroyMethod = "close")
    ExecutorService callTaskExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }
}
