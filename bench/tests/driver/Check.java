package driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** The assertions of the driver's tests. */
final class Check {
    private Check() {
    }

    static void equal(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    static void isTrue(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** two texts line by line, the first line that differs named */
    static void sameLines(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                throw new AssertionError("line " + (i + 1) + " differs:\n  expected: " + e[i] + "\n  actual:   " + a[i]);
            }
        }
        equal(e.length, a.length);
    }

    /** a file of bench/tests/fixtures (the runner is started in bench/tests) */
    static String fixture(String name) {
        try {
            return Files.readString(Path.of(System.getProperty("fixtures", "fixtures"), name));
        } catch (IOException e) {
            throw new AssertionError("no fixture " + name + ": " + e.getMessage());
        }
    }

    interface Action {
        void run() throws Exception;
    }

    static <T extends Throwable> T fails(Class<T> type, Action action) {
        try {
            action.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + t, t);
        }
        throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
    }
}
