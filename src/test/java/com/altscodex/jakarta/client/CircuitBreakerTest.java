package com.altscodex.jakarta.client;

import static com.altscodex.jakarta.client.CircuitBreaker.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.altscodex.jakarta.client.CircuitBreaker.State;
import com.altscodex.jakarta.config.CircuitSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private long now = 1_000_000_000L;
    private final CircuitBreaker breaker = new CircuitBreaker(
            new CircuitSettings(true, 4, 0.5, Duration.ofSeconds(5), 2), () -> now);

    private void call(boolean outage) {
        long permit = breaker.permit();
        assertNotEquals(REFUSED, permit, "refused in " + breaker.state());
        breaker.completed(permit, outage);
    }

    @Test
    void itOpensWhenTheOutagesAmongTheLastCallsReachTheRatio() {
        call(true);
        call(true);
        assertEquals(State.CLOSED, breaker.state(), "fewer calls than the volume: no ratio yet");
        call(false);
        call(true);
        assertEquals(State.OPEN, breaker.state(), "3 of the last 4");
        assertEquals(REFUSED, breaker.permit());
    }

    @Test
    void aFullWindowIsJudgedWhicheverCallFilledIt() {
        call(true);
        call(true);
        call(false);
        assertEquals(State.CLOSED, breaker.state());
        call(false);
        assertEquals(State.OPEN, breaker.state(), "2 of 4, the ratio, once the fourth call is in");
    }

    @Test
    void theWindowRollsSoOldOutagesStopCounting() {
        call(true);
        call(false);
        call(false);
        call(false);
        call(false);
        call(true);
        assertEquals(State.CLOSED, breaker.state(), "the first outage left the window: 1 of the last 4");
        call(true);
        assertEquals(State.OPEN, breaker.state(), "2 of the last 4");
    }

    @Test
    void afterTheDelayTrialCallsCloseItOrOneFailureOpensItAgain() {
        openIt();
        now += Duration.ofMillis(4_999).toNanos();
        assertEquals(REFUSED, breaker.permit(), "still within the delay");
        now += Duration.ofMillis(1).toNanos();
        long first = breaker.permit();
        long second = breaker.permit();
        assertNotEquals(REFUSED, first);
        assertNotEquals(REFUSED, second);
        assertEquals(REFUSED, breaker.permit(), "only as many trials as must succeed");
        assertEquals(State.HALF_OPEN, breaker.state());
        breaker.completed(first, false);
        assertEquals(State.HALF_OPEN, breaker.state(), "one of the two trials");
        breaker.completed(second, false);
        assertEquals(State.CLOSED, breaker.state());

        openIt();
        now += Duration.ofSeconds(5).toNanos();
        breaker.completed(breaker.permit(), true);
        assertEquals(State.OPEN, breaker.state(), "a failed trial opens it for another delay");
        assertEquals(REFUSED, breaker.permit());
    }

    @Test
    void aHalfOpenCircuitLetsACodeExchangeThroughBeyondItsTrials() {
        openIt();
        assertEquals(REFUSED, breaker.permitExchange(), "open: the delay holds for exchanges too");
        now += Duration.ofSeconds(5).toNanos();
        long first = breaker.permit();
        long second = breaker.permit();
        assertEquals(REFUSED, breaker.permit());
        long exchange = breaker.permitExchange();
        assertNotEquals(REFUSED, exchange, "its login's authorize may be the trial still in flight");
        breaker.completed(exchange, true);
        assertEquals(State.OPEN, breaker.state(), "and it is a trial: its outage opens the circuit");
        breaker.completed(first, false);
        breaker.completed(second, false);
        assertEquals(State.OPEN, breaker.state(), "trials of the half-open period that ended");
    }

    @Test
    void aCallOfAnEarlierStateDoesNotCount() {
        long slow = breaker.permit();
        openIt();
        now += Duration.ofSeconds(5).toNanos();
        long trial = breaker.permit();
        breaker.completed(slow, false);
        breaker.completed(slow, false);
        assertEquals(State.HALF_OPEN, breaker.state(), "a call sent while closed is no trial");
        breaker.completed(trial, false);
        assertEquals(State.HALF_OPEN, breaker.state());
    }

    @Test
    void aClosedCircuitStartsAFreshWindow() {
        openIt();
        now += Duration.ofSeconds(5).toNanos();
        call(false);
        call(false);
        assertEquals(State.CLOSED, breaker.state());
        call(true);
        call(true);
        call(true);
        assertEquals(State.CLOSED, breaker.state(), "the outages before it closed are forgotten");
    }

    @Test
    void aDisabledBreakerLetsEverythingThrough() {
        CircuitBreaker off = new CircuitBreaker(new CircuitSettings(false, 1, 0, Duration.ofHours(1), 1), () -> now);
        for (int i = 0; i < 10; i++) {
            off.completed(off.permit(), true);
        }
        assertEquals(State.CLOSED, off.state());
        assertNotEquals(REFUSED, off.permit());
    }

    private void openIt() {
        for (int i = 0; i < 4 && breaker.state() == State.CLOSED; i++) {
            call(true);
        }
        assertEquals(State.OPEN, breaker.state());
    }
}
