import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a server's CPU went, from async-profiler's collapsed stacks ({@code frame;frame;… count}
 * per line): the share of the samples
 * <ul>
 * <li>by library, each sample counted once, for the innermost frame that is neither the JDK, the
 * JVM nor the kernel (its first three package names), or as the JDK, the JVM or the kernel itself;</li>
 * <li>in each of a few named parts of a login, anywhere on the stack (so they overlap).</li>
 * </ul>
 *
 * <pre>java ProfileShares PROFILE.collapsed [ROWS]</pre>
 */
public final class ProfileShares {
    /** Frames that belong to no library: the JDK, generated accessors and proxies, the JVM, the kernel. */
    private static final Pattern PLATFORM = Pattern.compile(
            "^(java/|javax/|jdk/|sun/|com/sun/proxy/|\\[|[^/]*$)|_\\[k]$");
    private static final Map<String, Pattern> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("the login endpoint's own work on its request thread (LoginEndpoint.login)", Pattern.compile("altscodex/jakarta/rest/LoginEndpoint\\.login$"));
        PARTS.put("the callback endpoint's own work (CallbackEndpoint.callback)", Pattern.compile("altscodex/jakarta/rest/CallbackEndpoint\\.callback$"));
        PARTS.put("DeOAuth calls through the circuit breaker (DeOAuthCircuit.send)", Pattern.compile("altscodex/jakarta/client/DeOAuthCircuit[^/]*\\.send$"));
        PARTS.put("… of them the Rest Client's call itself (DirectTransport.exchange)", Pattern.compile("altscodex/jakarta/client/DirectTransport\\.exchange$"));
        PARTS.put("a login settled and answered (PendingLogins.complete)", Pattern.compile("altscodex/jakarta/pending/\\w+PendingLogins\\.complete$"));
        PARTS.put("Jakarta Security's bridge to the session mechanism", Pattern.compile("soteria|jaspic|Jaspic|elytron/http|ws/security/javaeesec"));
        PARTS.put("OpenTelemetry", Pattern.compile("opentelemetry|/telemetry/"));
        PARTS.put("java.util.logging", Pattern.compile("^java/util/logging/Logger\\.log$"));
        PARTS.put("exceptions made (Throwable.<init>)", Pattern.compile("^java/lang/Throwable\\.<init>$"));
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Long> byLibrary = new TreeMap<>();
        Map<String, Long> byPart = new LinkedHashMap<>();
        PARTS.keySet().forEach(part -> byPart.put(part, 0L));
        long total = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1).trim());
            List<String> frames = List.of(line.substring(0, space).split(";"));
            total += count;
            byLibrary.merge(library(frames), count, Long::sum);
            Set<String> parts = new HashSet<>();
            for (String frame : frames) {
                PARTS.forEach((part, pattern) -> {
                    if (pattern.matcher(frame).find()) {
                        parts.add(part);
                    }
                });
            }
            for (String part : parts) {
                byPart.merge(part, count, Long::sum);
            }
        }
        if (total == 0) {
            System.out.println("no samples in " + args[0]);
            return;
        }
        long samples = total;
        System.out.printf("%,d samples%n%nby library (the innermost frame outside the JDK, the JVM and the kernel):%n", samples);
        byLibrary.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(rows)
                .forEach(entry -> System.out.printf("%6.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
        System.out.printf("%nparts of a login (anywhere on the stack, so they overlap):%n");
        byPart.forEach((part, count) -> System.out.printf("%6.1f%%  %s%n", 100.0 * count / samples, part));
    }

    private static String library(List<String> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            String frame = frames.get(i);
            if (!PLATFORM.matcher(frame).find()) {
                String[] parts = frame.split("/");
                return String.join(".", List.of(parts).subList(0, Math.min(3, parts.length - 1)));
            }
        }
        String leaf = frames.get(frames.size() - 1);
        if (leaf.endsWith("_[k]")) {
            return "(the kernel)";
        }
        return leaf.contains("/") ? "(the JDK)" : "(the JVM)";
    }
}
