package driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * warmup.png: the server's CPU per login in each window of the first minutes, the settled figure
 * as a line across it, and the JIT's share of the server's CPU on the right-hand axis.
 */
final class FirstMinutesPlot {
    private FirstMinutesPlot() {
    }

    /** the data file's lines: seconds after the first login (the window's middle), CPU ms/login, JIT per cent */
    static List<String> data(FirstMinutes.Result result) {
        List<String> lines = new ArrayList<>();
        for (FirstMinutes.Window w : result.windows()) {
            if (w.wrk().ok() == 0 || w.serverTicks() == 0) {
                continue;
            }
            double middle = (w.index() + 0.5) * result.windowSeconds();
            lines.add(LatencyPlot.awkNumber(middle) + " " + result.cpu(w) + " "
                    + Num.fixed(100.0 * w.jitTicks() / w.serverTicks(), 1));
        }
        return lines;
    }

    static String script(Path out, String serverName, String settledCpu) {
        Path dat = out.resolve("warmup.dat");
        String settled = settledCpu == null || Num.parse(settledCpu) <= 0 ? ""
                : ", \\\n     " + settledCpu + " axes x1y1 with lines dashtype 2 title \"settled (after the warm-up)\"";
        return "set terminal pngcairo size 800,500\n"
                + "set output \"" + out.resolve("warmup.png") + "\"\n"
                + "set title \"The first minutes on " + serverName
                + " (64 connections)\"\n"
                + "set xlabel \"seconds after the first successful login\"\n"
                + "set ylabel \"server CPU per login (ms)\"\n"
                + "set y2label \"JIT compiler's share of the server's CPU (%)\"\n"
                + "set yrange [0:*]\n"
                + "set y2range [0:100]\n"
                + "set ytics nomirror\n"
                + "set y2tics\n"
                + "set key top right\n"
                + "set grid\n"
                + "plot \"" + dat + "\" using 1:2 axes x1y1 with linespoints title \"CPU per login\", \\\n"
                + "     \"\" using 1:3 axes x1y2 with lines title \"JIT share\"" + settled + "\n";
    }

    /** whether warmup.png was drawn */
    static boolean draw(Bench bench, FirstMinutes.Result result, String settledCpu) {
        return result.windows().size() >= 2
                && Gnuplot.draw(bench, "warmup.dat", data(result), script(bench.out, bench.serverName, settledCpu));
    }
}
