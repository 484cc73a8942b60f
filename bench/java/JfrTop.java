import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest methods of a JFR recording's CPU samples ({@code jdk.ExecutionSample}): by self time
 * (the top frame) and inclusive (anywhere on the stack), as a share of all samples. Enough to see
 * where a login's CPU goes without a GUI; {@code jfr print} gives the raw stacks.
 *
 * <pre>java JfrTop RECORDING.jfr [ROWS]</pre>
 */
public final class JfrTop {
    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                // a recursive method counts once per sample
                if (seen.add(name(frame))) {
                    inclusive.merge(name(frame), 1, Integer::sum);
                }
            }
        }
        System.out.println(samples + " CPU samples (stacks truncated at the recording's stackdepth)");
        print("self", self, samples, rows);
        print("inclusive", inclusive, samples, rows * 3);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.println("--- " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(rows)
                .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
