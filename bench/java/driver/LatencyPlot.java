package driver;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** latency.png: p50, p90 and p99 by concurrency, by gnuplot when the machine has it. */
final class LatencyPlot {
    private LatencyPlot() {
    }

    /** the data file's lines: connections p50 p90 p99 */
    static List<String> data(List<Throughput.Row> rows) {
        List<String> lines = new ArrayList<>();
        for (Throughput.Row row : rows) {
            lines.add(row.connections() + " " + row.p50() + " " + row.p90() + " " + row.p99());
        }
        return lines;
    }

    /** gnuplot's script; a margin on both sides of the x axis, or the last concurrency's tic falls on the border */
    static String script(Path out, String serverName, List<Integer> concurrencies) {
        String tics = concurrencies.stream().map(String::valueOf).collect(Collectors.joining(","));
        String xmin = awkNumber(concurrencies.get(0) * 0.8);
        String xmax = awkNumber(concurrencies.get(concurrencies.size() - 1) * 1.25);
        Path dat = out.resolve("latency.dat");
        return "set terminal pngcairo size 800,500\n"
                + "set output \"" + out.resolve("latency.png") + "\"\n"
                + "set title \"Login latency by concurrency (full chain, " + serverName + " + mock DeOAuth, 2 cores)\"\n"
                + "set xlabel \"concurrent connections\"\n"
                + "set ylabel \"latency (ms)\"\n"
                + "set logscale x 2\n"
                + "set xtics (" + tics + ")\n"
                + "set xrange [" + xmin + ":" + xmax + "]\n"
                + "set key top left\n"
                + "set grid\n"
                + "plot \"" + dat + "\" using 1:2 with linespoints title \"p50\", \\\n"
                + "     \"\" using 1:3 with linespoints title \"p90\", \\\n"
                + "     \"\" using 1:4 with linespoints title \"p99\"\n";
    }

    /** awk's print of a number: six significant digits, no trailing zeros */
    static String awkNumber(double value) {
        return BigDecimal.valueOf(Num.sixDigits(value)).stripTrailingZeros().toPlainString();
    }

    /** draws it when there is more than one concurrency and gnuplot; whether latency.png was drawn */
    static boolean draw(Bench bench, List<Throughput.Row> rows) {
        return rows.size() >= 2
                && Gnuplot.draw(bench, "latency.dat", data(rows), script(bench.out, bench.serverName, bench.plan.concurrencies()));
    }
}
