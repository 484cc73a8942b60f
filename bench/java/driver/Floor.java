package driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** bench/floor's last report on this server (target/bench/S/floor/floor.md): the same figures without the module's code. */
record Floor(String text) {
    static Floor read(Path report) {
        try {
            return new Floor(Files.readString(report));
        } catch (IOException e) {
            return null;
        }
    }

    /** the value cell of the first line that holds key, stripped of bold; "" when no line does */
    String figure(String key) {
        for (String line : text.split("\n")) {
            if (line.contains(key)) {
                String[] cells = line.split("\\|", -1);
                return cells.length > 2 ? cells[2].replace("*", "").trim() : "";
            }
        }
        return "";
    }

    /** when and on what commit it ran: its third line, up to its second comma */
    String run() {
        String[] lines = text.split("\n", -1);
        String third = lines.length > 2 ? lines[2] : "";
        String[] parts = third.split(",", -1);
        return parts.length == 1 ? third : parts[0] + "," + parts[1];
    }
}
