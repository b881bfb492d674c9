package app.avatarcall.testing;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** What every Spring test swaps in: a clock it moves, and avatar sessions opened on the test's own thread. */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    @Primary
    @Qualifier("callTaskExecutor")
    Executor testCallTaskExecutor() {
        return Runnable::run;
    }

    @Bean
    FakeAvatarProvider fakeAvatarProvider() {
        return new FakeAvatarProvider();
    }
}
