package driver;

import java.util.List;

public final class ProcFsTest {
    @Test
    public void aProcessTicksAreItsUtimeAndStime() {
        ProcFs proc = new FakeProc().process(100, "java", 1234, 567, 9, 9).procFs();
        Check.equal(1801L, proc.cpuTicks(100));
    }

    @Test
    public void allTicksAddEveryProcessWithItsReapedChildrenWhateverItsName() {
        ProcFs proc = new FakeProc()
                .process(100, "java", 10, 20, 30, 40)
                .process(200, "odd ) name (x", 1, 2, 3, 4)
                .process(300, "wrk", 5, 0, 0, 0)
                .file("loadavg", "1.50 0.75 0.25 2/300 4000\n")
                .procFs();
        Check.equal(115L, proc.allTicks());
        Check.equal("1.50 0.75 0.25", proc.loadAverage());
    }

    @Test
    public void childTicksAreCutimeAndCstime() {
        ProcFs proc = new FakeProc().process(42, "java", 1, 2, 321, 54).procFs();
        long[] children = proc.childTicks(42);
        Check.equal(321L, children[0]);
        Check.equal(54L, children[1]);
    }

    /** A thread's name may hold spaces: its ticks are still its utime and stime. */
    @Test
    public void jitAndGcTicksAreUtimeAndStimeWhateverTheThreadsName() {
        ProcFs proc = new FakeProc()
                .thread(100, "C2 CompilerThre", 700, 50)
                .thread(100, "C1 CompilerThre", 100, 10)
                .thread(100, "GC Thread#0", 40, 5)
                .thread(100, "G1 Main Marker", 30, 3)
                .thread(100, "G1Refine", 1000, 1000)   // no "G1 " prefix: neither
                .thread(100, "main", 9000, 900)
                .procFs();
        ProcFs.JitGc ticks = proc.new Counter(100).read();
        Check.equal(700L + 50 + 100 + 10, ticks.jit());
        Check.equal(40L + 5 + 30 + 3, ticks.gc());
    }

    /** The JDK ends a compiler thread when the queue is short: what it ran stays counted. */
    @Test
    public void theJitCountNeverFallsWhenACompilerThreadEnds() throws Exception {
        FakeProc fake = new FakeProc()
                .thread(100, "C2 CompilerThre", 700, 0)
                .thread(100, "C2 CompilerThre", 300, 0)
                .thread(100, "GC Thread#0", 40, 0);
        ProcFs.Counter counter = fake.procFs().new Counter(100);
        Check.equal(new ProcFs.JitGc(1000, 40), counter.read());
        // the second compiler thread (task 100002) ends; the first runs 50 more ticks
        java.nio.file.Path ended = fake.root.resolve("100/task/100002");
        java.nio.file.Files.delete(ended.resolve("comm"));
        java.nio.file.Files.delete(ended.resolve("stat"));
        java.nio.file.Files.delete(ended);
        fake.file("100/task/100001/stat", FakeProc.stat(100001, "C2 CompilerThre", 750, 0, 0, 0));
        Check.equal(new ProcFs.JitGc(1050, 40), counter.read());
        Check.equal(750L, fake.procFs().new Counter(100).read().jit());   // the live threads alone
        // a new one starts with 20 ticks: all of them are new
        fake.thread(100, "C1 CompilerThre", 20, 0);
        Check.equal(new ProcFs.JitGc(1070, 40), counter.read());
    }

    @Test
    public void ticksOfANameWithoutSpacesAreUtimeAndStime() {
        Check.equal(1750L, ProcFs.ticks(FakeProc.stat(1, "java", 1500, 250, 0, 0)));
    }

    @Test
    public void threadsAndRssComeFromStatus() {
        ProcFs proc = new FakeProc().status(100, 263, 449_536).status(101, 1, 1536).status(102, 1, 2560).procFs();
        Check.equal(263, proc.threads(100));
        Check.equal("439", proc.rssMib(100));
        Check.equal("2", proc.rssMib(101));   // 1.5 MiB: half to even, as printf rounds
        Check.equal("2", proc.rssMib(102));   // 2.5 MiB
    }

    @Test
    public void threadKindsAreCountedAsUniqAndSortPrintedThem() {
        FakeProc fake = new FakeProc();
        for (String name : List.of("main", "GC Thread#0", "GC Thread#1", "G1 Main Marker", "C2 CompilerThre",
                "C1 CompilerThre", "http-thread-poo", "http-thread-poo", "http-thread-poo", "Thread-12", "Thread-3",
                "pool-1-thread-2", "worker(5)", "G1 Conc#0")) {
            fake.thread(7, name, 0, 0);
        }
        // the output of the script's sed | sort | uniq -c | sort -rn on the same names
        Check.equal(List.of(
                "      3 http-thread-poo",
                "      2 Thread",
                "      2 GC Thread",
                "      1 worker(",
                "      1 pool-1-thread",
                "      1 main",
                "      1 G1 Main Marker",
                "      1 G1 Conc",
                "      1 C2 CompilerThre",
                "      1 C1 CompilerThre"), fake.procFs().threadKinds(7));
    }

    @Test
    public void theOpenFileLimitIsTheSoftOne() {
        ProcFs proc = new FakeProc().file("9/limits", "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max cpu time              unlimited            unlimited            seconds   \n"
                + "Max open files            65536                524288               files     \n").procFs();
        Check.equal(65536L, proc.openFileLimit(9));
    }

    @Test
    public void aProcessThatIsGoneHasNoThreadsToCount() {
        ProcFs proc = new FakeProc().procFs();
        Check.equal(new ProcFs.JitGc(0, 0), proc.new Counter(12345).read());
        Check.fails(IllegalStateException.class, () -> proc.cpuTicks(12345));
    }
}
