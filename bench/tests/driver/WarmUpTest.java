package driver;

import java.util.ArrayList;
import java.util.List;

/** The warm-up's stop rule, against a server whose JIT takes a scripted share of each round. */
public final class WarmUpTest {
    /** a server whose JIT used these per cents of its 1000 ticks in each round, then 0 */
    private static final class FakeServer implements WarmUp.Meter, WarmUp.Load {
        final List<Integer> rounds = new ArrayList<>();
        private final int[] jitPercents;
        private long server;
        private long jit;

        FakeServer(int... jitPercents) {
            this.jitPercents = jitPercents;
        }

        @Override
        public long serverTicks() {
            return server;
        }

        @Override
        public long jitTicks() {
            return jit;
        }

        @Override
        public void run(int seconds) {
            int percent = rounds.size() < jitPercents.length ? jitPercents[rounds.size()] : 0;
            rounds.add(seconds);
            server += 999;   // the rule divides by the ticks + 1: 1000
            jit += percent * 10;
        }
    }

    @Test
    public void theQuickRunLoadsItsThreeSecondsWhateverTheJitDoes() {
        FakeServer server = new FakeServer(15);
        WarmUp.Outcome outcome = WarmUp.untilJitSettles(3, 3, server, server);
        Check.equal(List.of(3), server.rounds);
        Check.equal(new WarmUp.Outcome(3, 15), outcome);
    }

    @Test
    public void itGoesOnInTenSecondRoundsUntilTheJitTakesUnderFivePerCent() {
        FakeServer server = new FakeServer(40, 12, 5, 4);
        WarmUp.Outcome outcome = WarmUp.untilJitSettles(30, 240, server, server);
        Check.equal(List.of(30, 10, 10, 10), server.rounds);
        Check.equal(new WarmUp.Outcome(60, 4), outcome);
    }

    @Test
    public void aSettledJitStillGetsTheFirstSeconds() {
        FakeServer server = new FakeServer(1);
        Check.equal(new WarmUp.Outcome(30, 1), WarmUp.untilJitSettles(30, 240, server, server));
        Check.equal(List.of(30), server.rounds);
    }

    @Test
    public void itStopsAtTheMostWhateverTheJitDoes() {
        int[] busy = new int[40];
        java.util.Arrays.fill(busy, 20);
        FakeServer server = new FakeServer(busy);
        WarmUp.Outcome outcome = WarmUp.untilJitSettles(30, 45, server, server);
        Check.equal(List.of(30, 10, 5), server.rounds);
        Check.equal(new WarmUp.Outcome(45, 20), outcome);
    }

    @Test
    public void theShareIsTheScriptsIntegerDivision() {
        FakeServer server = new FakeServer(0);
        WarmUp.Meter meter = new WarmUp.Meter() {
            private int reads;

            @Override
            public long serverTicks() {
                return reads++ == 0 ? 0 : 1198;   // 1199 ticks with the + 1
            }

            @Override
            public long jitTicks() {
                return server.rounds.isEmpty() ? 0 : 59;   // 4.92%: 4
            }
        };
        Check.equal(new WarmUp.Outcome(3, 4), WarmUp.untilJitSettles(3, 240, meter, server));
    }
}
