package driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A /proc of a test's making, in a temporary folder. */
final class FakeProc {
    final Path root;
    private int tasks;

    FakeProc() {
        try {
            root = Files.createTempDirectory("fake-proc");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** a stat line as the kernel writes it, with these times (fields 14 to 17) */
    static String stat(long pid, String comm, long utime, long stime, long cutime, long cstime) {
        return pid + " (" + comm + ") S 1 " + pid + " " + pid + " 0 -1 4194368 12 137 3 4 " + utime + " " + stime + " "
                + cutime + " " + cstime + " 20 0 23 0 12448 4294967295 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
    }

    FakeProc process(long pid, String comm, long utime, long stime, long cutime, long cstime) {
        write(pid + "/stat", stat(pid, comm, utime, stime, cutime, cstime));
        return this;
    }

    FakeProc status(long pid, int threads, long rssKb) {
        write(pid + "/status", "Name:\tjava\nState:\tS (sleeping)\nVmRSS:\t  " + rssKb + " kB\nThreads:\t" + threads + "\n");
        return this;
    }

    FakeProc thread(long pid, String comm, long utime, long stime) {
        long tid = pid * 1000 + ++tasks;
        write(pid + "/task/" + tid + "/comm", comm + "\n");
        write(pid + "/task/" + tid + "/stat", stat(tid, comm, utime, stime, 0, 0));
        return this;
    }

    FakeProc file(String path, String text) {
        write(path, text);
        return this;
    }

    ProcFs procFs() {
        return new ProcFs(root);
    }

    private void write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
