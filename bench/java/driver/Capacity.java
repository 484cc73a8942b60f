package driver;

import java.util.Map;

/**
 * Capacity: N logins waiting at once (the mock never calls back): the retained heap per waiting
 * login after a full GC, threads and RSS, idle and with them all waiting. The loader of waiting
 * logins is left running for the drain.
 */
final class Capacity {
    record Result(int threadsIdle, String rssIdle, Long heapIdle, long reached, long openMs, int threadsWaiting,
            String rssWaiting, Long heapWaiting, long perLoginBytes, Child loader) {
    }

    static final long OPEN_LIMIT_MS = 180_000;

    private Capacity() {
    }

    static Result measure(Bench bench, Server server, Mock mock) {
        int waiting = bench.plan.waiting();
        bench.clock.sleep(2000);   // the last wrk logins settle, their connections close
        int threadsIdle = bench.proc.threads(server.pid());
        bench.write("threads-idle.txt", bench.proc.threadKinds(server.pid()));
        String rssIdle = bench.proc.rssMib(server.pid());
        Long heapIdle = bench.heap.liveBytes(server.pid(), "histogram-idle.txt");
        long authorizeBefore = orZero(mock.authorizeCount());

        bench.log.info("capacity: opening " + waiting + " logins that wait (the mock never calls back)");
        long opening = bench.clock.millis();
        Child loader = bench.processes.start("HoldLogins", bench.tool("256m", "HoldLogins", server.port(), waiting,
                "timeout-bench-", Plan.HOLD_DEADLINE), Map.of(), bench.file("hold.txt"), false);
        long reached = 0;
        while (bench.clock.millis() - opening < OPEN_LIMIT_MS) {
            reached = orZero(mock.authorizeCount()) - authorizeBefore;
            if (reached >= waiting || !loader.alive()) {
                break;
            }
            bench.clock.sleep(200);
        }
        long openMs = bench.clock.millis() - opening;
        if (reached < waiting) {
            bench.log.info("only " + reached + " of " + waiting + " logins reached authorize");
        }
        bench.log.info(reached + " logins waiting after " + openMs + " ms");
        bench.clock.sleep(1000);
        int threadsWaiting = bench.proc.threads(server.pid());
        bench.write("threads-waiting.txt", bench.proc.threadKinds(server.pid()));
        String rssWaiting = bench.proc.rssMib(server.pid());
        Long heapWaiting = bench.heap.liveBytes(server.pid(), "histogram-waiting.txt");
        long grown = orZero(heapWaiting) - orZero(heapIdle);
        long perLogin = grown / waiting;
        bench.log.info("retained heap " + grown / 1048576 + " MiB = " + perLogin + " bytes per waiting login; threads "
                + threadsIdle + " -> " + threadsWaiting + "; RSS " + rssIdle + " -> " + rssWaiting + " MiB");
        // what a waiting login is made of: the classes that grew most between the two histograms
        bench.heap.writeGrowth("histogram-idle.txt", "histogram-waiting.txt", "waiting-login-classes.txt");
        return new Result(threadsIdle, rssIdle, heapIdle, reached, openMs, threadsWaiting, rssWaiting, heapWaiting,
                perLogin, loader);
    }

    static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
