package driver;

/**
 * The drain: SIGTERM to the server with the waiting logins: how many got 503 SHUTDOWN, how fast,
 * how many were lost, and when the server exited.
 */
final class Drain {
    /**
     * @param exitedMs null when it did not exit within 60 s and was killed
     */
    record Result(long shutdown, long otherAnswers, long lost, long firstMs, long lastMs, Long exitedMs) {
    }

    private Drain() {
    }

    static Result measure(Bench bench, Server server, Capacity.Result capacity) {
        bench.log.info("drain: SIGTERM to the server with " + capacity.reached() + " logins waiting");
        long sigterm = bench.clock.millis();
        server.child().terminate();
        capacity.loader().await();
        // polled after the loader has ended, as the script did: see the report's notes
        Long exitedMs = null;
        for (int i = 0; i < 600; i++) {
            if (!server.alive()) {
                exitedMs = bench.clock.millis() - sigterm;
                break;
            }
            bench.clock.sleep(100);
        }
        if (exitedMs == null) {
            bench.log.info("the server did not exit within 60 s of SIGTERM: killing it");
            server.child().kill();
        }
        server.child().await();
        String hold = bench.lastLine("hold.txt");
        if (Text.value(hold, "answered") == null || Text.value(hold, "answered").isEmpty()) {
            throw new BenchFailure("the loader of waiting logins printed no result: see " + bench.file("hold.txt"));
        }
        Result result = of(hold, sigterm, exitedMs);
        bench.log.info("drain: " + result.shutdown() + " answered 503 SHUTDOWN within " + result.lastMs() + " ms, "
                + result.otherAnswers() + " other answers, " + result.lost() + " lost; the server exited "
                + (exitedMs == null ? "(killed)" : exitedMs) + " ms after SIGTERM");
        return result;
    }

    /** the figures of HoldLogins's result line, its times (epoch ms) against the moment of SIGTERM */
    static Result of(String hold, long sigterm, Long exitedMs) {
        long shutdown = Text.number(hold, "shutdown");
        long lost = Text.number(hold, "lost") + Text.number(hold, "unanswered") + Text.number(hold, "connect_failed");
        long last = Text.number(hold, "last_answer_ms");
        long first = Text.number(hold, "first_answer_ms");
        // the first answer shows how long the server's own shutdown took before the module's hook ran
        return new Result(shutdown, Text.number(hold, "answered") - shutdown, lost, (first > 0 ? first : sigterm) - sigterm,
                (last > 0 ? last : sigterm) - sigterm, exitedMs);
    }
}
