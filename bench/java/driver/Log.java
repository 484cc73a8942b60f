package driver;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The progress lines on standard error: {@code [bench 14:02:31] …}. */
final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;

    Log(PrintStream out) {
        this.out = out;
    }

    void info(String message) {
        synchronized (out) {
            out.printf("[bench %s] %s%n", LocalTime.now().format(TIME), message);
            out.flush();
        }
    }
}
