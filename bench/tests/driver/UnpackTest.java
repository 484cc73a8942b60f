package driver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** What the driver takes out of the jars Maven resolved: asprof and its library, redis-server. */
public final class UnpackTest {
    private static Path jar(Map<String, String> entries) throws IOException {
        Path jar = Files.createTempFile("unpack", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    public void asprofGoesToBinAndItsLibraryToLib() throws IOException {
        Path jar = jar(Map.of("libs/asprof-4.0-linux-x64", "x64", "libs/asprof-4.0-linux-x64-musl", "musl",
                "libs/asprof-4.0-linux-arm64", "arm", "libs/libasyncProfiler-4.0-linux-x64.so", "lib",
                "libs/libasyncProfiler-4.0-linux-arm64.so", "armlib"));
        Path dir = Files.createTempDirectory("async-profiler");
        Path asprof = Profiling.unpack(jar, dir);
        Check.equal(dir.resolve("bin/asprof"), asprof);
        Check.equal("x64", Files.readString(asprof));
        Check.isTrue(Files.isExecutable(asprof), "asprof is executable");
        Check.equal("lib", Files.readString(dir.resolve("lib/libasyncProfiler.so")));
    }

    @Test
    public void aJarWithoutTheLinuxProfilerFails() throws IOException {
        Path jar = jar(Map.of("libs/asprof-4.0-macos", "mac"));
        Check.fails(BenchFailure.class, () -> Profiling.unpack(jar, Files.createTempDirectory("async-profiler")));
    }

    @Test
    public void redisServerIsTheLinuxBinaryOfTheEmbeddedRedisJar() throws IOException {
        Path jar = jar(Map.of(RedisStore.BINARY, "linux", "redis-server-6.2.6-v5-darwin-amd64", "mac"));
        Path to = Files.createTempDirectory("redis").resolve(RedisStore.BINARY);
        RedisStore.unpack(jar, to);
        Check.equal("linux", Files.readString(to));
        Check.isTrue(Files.isExecutable(to), "redis-server is executable");
    }
}
