package driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the report's header says of the machine, the JDK and the commit, read as the script read them. */
final class Machine {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private Machine() {
    }

    static String utcNow(Clock clock) {
        return ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC).format(UTC);
    }

    /** the first "model name" of /proc/cpuinfo: what follows its first colon, less the blanks it starts with */
    static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.contains("model name")) {
                String[] parts = line.split(":", -1);
                return parts.length > 1 ? parts[1].replaceFirst("^ *", "") : "";
            }
        }
        return "";
    }

    static String cpuModel() {
        try {
            return cpuModel(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException e) {
            return "";
        }
    }

    /** the total of {@code free -g}'s Mem: line */
    static String memoryGiB(Processes processes) {
        for (String line : processes.capture(List.of("free", "-g")).text().split("\n")) {
            if (line.startsWith("Mem:")) {
                return line.trim().split("\\s+")[1];
            }
        }
        return "";
    }

    /** the first line of {@code java -version} */
    static String javaVersion(Processes processes) {
        return processes.capture(List.of("java", "-version")).firstLine();
    }

    /** the short commit, "?" outside git, and " (with local changes)" when the tree differs from it */
    static String commit(Processes processes) {
        Processes.Captured head = processes.capture(List.of("git", "rev-parse", "--short", "HEAD"));
        String commit = head.exit() == 0 ? head.firstLine().trim() : "?";
        boolean clean = processes.capture(List.of("git", "diff", "--quiet")).exit() == 0;
        return commit + (clean ? "" : " (with local changes)");
    }
}
