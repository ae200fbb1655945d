package dev.pulse.send.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How fast an instance sends: its rate limit, the slowing towards a domain that answers 4xx, the retry backoff. */
class PacingTest {

    private static final SendPolicy.Pacing PACING = new SendPolicy.Pacing(Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofSeconds(1));

    @Test
    void theRateLimitSpacesMessagesEvenly() {
        RateLimiter limiter = new RateLimiter(50);
        long start = System.nanoTime();
        for (int i = 0; i < 26; i++) {
            limiter.acquire();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("25 gaps of 20 ms").isBetween(Duration.ofMillis(480),
                Duration.ofMillis(1500));
    }

    @Test
    void noRateMeansNoWait() {
        RateLimiter limiter = new RateLimiter(0);
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            limiter.acquire();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void aDomainThatAnswers4xxIsSpacedMoreWithEachAndLessWithEachSuccess() {
        DomainPacing pacing = new DomainPacing(PACING);
        assertThat(pacing.reserve("mx.example")).as("untouched domains never wait").isZero();

        pacing.deferred("MX.example");
        Duration first = pacing.reserve("mx.example");
        Duration second = pacing.reserve("mx.example");
        assertThat(second.minus(first)).as("one 4xx: messages 100 ms apart").isBetween(Duration.ofMillis(90), Duration.ofMillis(100));
        pacing.deferred("mx.example");
        pacing.deferred("mx.example");
        pacing.deferred("mx.example");
        Duration third = pacing.reserve("mx.example");
        Duration fourth = pacing.reserve("mx.example");
        assertThat(fourth.minus(third)).as("the gap doubles up to its max").isBetween(Duration.ofMillis(390), Duration.ofMillis(400));
        assertThat(pacing.reserve("other.example")).as("only that domain").isZero();

        for (int i = 0; i < 5; i++) {
            pacing.accepted("mx.example");
        }
        assertThat(pacing.reserve("mx.example")).as("successes halve the gap until it is gone").isZero();
        assertThat(DomainPacing.domainOf("Reader@Sub.Example.org")).isEqualTo("Sub.Example.org");
    }

    @Test
    void a4xxIsTriedAgainAfterABackoffThatDoublesUpToItsMax() {
        SendPolicy policy = new SendPolicy(1, 0, 0, Duration.ofHours(1), 4, Duration.ofSeconds(30), Duration.ofMinutes(10), 10,
                Duration.ofMinutes(1), PACING);
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    }
}
