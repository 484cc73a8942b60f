package driver;

import java.util.List;

/** bench/run's options: {@code [--server payara|wildfly|liberty] [--quick] [--profile] [--no-build]}. */
record Options(String server, boolean quick, boolean profile, boolean build) {
    static final String USAGE = "usage: bench/run [--server payara|wildfly|liberty] [--quick] [--profile] [--no-build]";
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
        String server = "payara";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--profile" -> profile = true;
                case "--no-build" -> build = false;
                case "--server" -> server = ++i < args.length ? args[i] : "";
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
        return new Options(server, quick, profile, build);
    }
}
