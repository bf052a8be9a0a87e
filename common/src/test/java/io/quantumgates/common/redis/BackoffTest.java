package io.quantumgates.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void startupBackoffDoublesFromHalfASecondUpToFiveSeconds() {
        Backoff backoff = Backoff.startup();
        List<String> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(Backoff.seconds(backoff.next()));
        }
        assertThat(waits).containsExactly("0.5", "1", "2", "4", "5", "5", "5");
    }

    @Test
    void resetStartsAgainFromTheFirstWait() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(1));
        backoff.next();
        backoff.next();
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(250));
    }
}
