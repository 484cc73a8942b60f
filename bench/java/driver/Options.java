package driver;

import java.util.List;

/**
 * bench/run's options: {@code [--server payara|wildfly|liberty] [--quick] [--profile] [--no-build]
 * [--warm-up-only] [--jvm-opt OPTION]...}; each {@code --jvm-opt} adds one option to the server's JVM,
 * after the benchmark's own, to measure a setting against the same run without it, and
 * {@code --warm-up-only} stops after the settled rows, which is what such a setting is judged by.
 */
record Options(String server, boolean quick, boolean profile, boolean build, boolean warmUpOnly, List<String> jvmOpts) {
    static final String USAGE = "usage: bench/run [--server payara|wildfly|liberty] [--quick] [--profile] [--no-build]"
            + " [--warm-up-only] [--jvm-opt OPTION]...";
    static final List<String> SERVERS = List.of("payara", "wildfly", "liberty");

    /** a wrong option: its message, for standard error, and exit status 2 */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    static Options parse(String... args) throws UsageError {
        boolean quick = false;
        boolean profile = false;
        boolean build = true;
        boolean warmUpOnly = false;
        String server = "payara";
        List<String> jvmOpts = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--profile" -> profile = true;
                case "--no-build" -> build = false;
                case "--warm-up-only" -> warmUpOnly = true;
                case "--server" -> server = ++i < args.length ? args[i] : "";
                case "--jvm-opt" -> {
                    String opt = ++i < args.length ? args[i] : "";
                    if (!opt.startsWith("-") || opt.isBlank() || opt.chars().anyMatch(Character::isWhitespace)) {
                        throw new UsageError("bench/run: --jvm-opt takes one JVM option, such as -XX:TieredStopAtLevel=1");
                    }
                    jvmOpts.add(opt);
                }
                default -> {
                    if (!arg.startsWith("--server=")) {
                        throw new UsageError(USAGE);
                    }
                    server = arg.substring("--server=".length());
                }
            }
        }
        if (!SERVERS.contains(server)) {
            throw new UsageError("bench/run: --server payara, wildfly or liberty");
        }
        return new Options(server, quick, profile, build, warmUpOnly, List.copyOf(jvmOpts));
    }

    /** the server JVM's options: the benchmark's, then those of {@code --jvm-opt} */
    List<String> serverJvmOpts() {
        List<String> all = new java.util.ArrayList<>(Plan.SERVER_JVM_OPTS);
        all.addAll(jvmOpts);
        return List.copyOf(all);
    }
}
