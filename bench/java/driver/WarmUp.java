package driver;

/**
 * The warm-up that waits for the JIT: Payara's login path is long, and while C2 still compiles it
 * takes a third of the server's CPU and every figure is off. Load in rounds (the first up to
 * {@code firstSeconds}, then 10 s each, never past {@code maxSeconds} in all) until the JIT
 * compiler threads used under 5% of the server's CPU in a round, and at least firstSeconds.
 */
final class WarmUp {
    /** how long it loaded, and the JIT's share of the server's CPU in the last round (per cent) */
    record Outcome(int seconds, long jitShare) {
    }

    /** the server's CPU and its JIT threads', in ticks */
    interface Meter {
        long serverTicks();

        long jitTicks();
    }

    /** one round of load, of so many seconds */
    interface Load {
        void run(int seconds);
    }

    static final int ROUND_SECONDS = 10;
    static final int SETTLED_PERCENT = 5;

    private WarmUp() {
    }

    static Outcome untilJitSettles(int firstSeconds, int maxSeconds, Meter meter, Load load) {
        int warmed = 0;
        long share = 100;
        while (warmed < maxSeconds) {
            int round = warmed < firstSeconds ? firstSeconds - warmed : ROUND_SECONDS;
            round = Math.min(round, maxSeconds - warmed);
            long serverBefore = meter.serverTicks();
            long jitBefore = meter.jitTicks();
            load.run(round);
            long jitAfter = meter.jitTicks();
            share = 100 * (jitAfter - jitBefore) / (meter.serverTicks() - serverBefore + 1);
            warmed += round;
            if (warmed >= firstSeconds && share < SETTLED_PERCENT) {
                break;
            }
        }
        return new Outcome(warmed, share);
    }
}
