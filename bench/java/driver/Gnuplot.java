package driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A plot beside the report, by gnuplot when the machine has it. */
final class Gnuplot {
    private Gnuplot() {
    }

    /**
     * Writes the data file into the output folder and runs the script; whether the plot was drawn.
     * The script goes on gnuplot's standard input, so no file of it stays beside the report.
     */
    static boolean draw(Bench bench, String dataFile, List<String> data, String script) {
        if (!onPath("gnuplot")) {
            return false;
        }
        try {
            bench.write(dataFile, data);
            Path scriptFile = Files.createTempFile("bench-plot", ".gnuplot");
            int status;
            try {
                Files.writeString(scriptFile, script);
                status = bench.processes.run("gnuplot", List.of("gnuplot"), scriptFile, bench.file("gnuplot.log"));
            } finally {
                Files.deleteIfExists(scriptFile);
            }
            if (status != 0) {
                bench.log.info("no plot: see " + bench.file("gnuplot.log"));
                return false;
            }
            return true;
        } catch (IOException e) {
            bench.log.info("no plot: " + e.getMessage());
            return false;
        }
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
