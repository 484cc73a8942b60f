package com.altscodex.jakarta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for the tests with the JDK's keytool: it signs server and client
 * certificates (EC keys, a day long) and writes them as PKCS#12 and as the PEM files OpenSSL-based
 * servers (redis-server) read. {@link #shared} keeps them in {@code target/test-ca}: a keytool run
 * is a JVM start, and each server's integration tests would otherwise make the same files again.
 */
public final class TestCa {
    public static final String PASSWORD = "test-ca-store-pw";
    private final Path dir;
    private final String name;
    private final Path store;

    private TestCa(Path dir, String name) {
        this.dir = dir;
        this.name = name;
        this.store = dir.resolve(name + ".p12");
    }

    /** The CA called {@code name} in {@code target/test-ca}, made by the first test that asks for it. */
    public static TestCa shared(String name) throws IOException, InterruptedException {
        return create(Files.createDirectories(Path.of("target", "test-ca")).toAbsolutePath(), name);
    }

    /** The CA called {@code name}, its files in {@code dir}: made there unless they are there already. */
    public static synchronized TestCa create(Path dir, String name) throws IOException, InterruptedException {
        TestCa ca = new TestCa(dir, name);
        if (Files.exists(ca.trustStore())) {
            return ca;
        }
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "bc:c", "-validity", "1", "-keystore", ca.store.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.store.toString(), "-storepass", PASSWORD,
                "-file", ca.pem().toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca.pem().toString(),
                "-keystore", ca.trustStore().toString(), "-storepass", PASSWORD);
        return ca;
    }

    /** The CA's certificate, PEM. */
    public Path pem() {
        return dir.resolve(name + "-ca.pem");
    }

    /** A PKCS#12 trust store holding only the CA's certificate, opened with {@link #PASSWORD}. */
    public Path trustStore() {
        return dir.resolve(name + "-trust.p12");
    }

    /**
     * A certificate for {@code subject}, valid for the given names (like {@code ip:127.0.0.1,dns:localhost});
     * one made before for the same subject is given again.
     */
    public Issued issue(String subject, String names) throws IOException, InterruptedException {
        synchronized (TestCa.class) {
            return issueOnce(subject, names);
        }
    }

    private Issued issueOnce(String subject, String names) throws IOException, InterruptedException {
        Path keys = dir.resolve(name + "-" + subject + ".p12");
        Path certificate = dir.resolve(name + "-" + subject + ".pem");
        Path key = dir.resolve(name + "-" + subject + ".key");
        if (Files.exists(key)) {
            return new Issued(keys, certificate, key);
        }
        keytool("-genkeypair", "-alias", "me", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + subject,
                "-validity", "1", "-keystore", keys.toString(), "-storepass", PASSWORD);
        Path request = dir.resolve(name + "-" + subject + ".csr");
        keytool("-certreq", "-alias", "me", "-keystore", keys.toString(), "-storepass", PASSWORD, "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-infile", request.toString(), "-outfile", certificate.toString(), "-validity", "1",
                "-ext", "san=" + names, "-ext", "eku=serverAuth,clientAuth");
        // the chain back into the key's store: the CA first, then its signature of ours
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", pem().toString(), "-keystore", keys.toString(),
                "-storepass", PASSWORD);
        keytool("-importcert", "-alias", "me", "-file", certificate.toString(), "-keystore", keys.toString(),
                "-storepass", PASSWORD);
        try {
            KeyStore opened = KeyStore.getInstance(keys.toFile(), PASSWORD.toCharArray());
            Key privateKey = opened.getKey("me", PASSWORD.toCharArray());
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(privateKey.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("the key keytool made cannot be read back", e);
        }
        return new Issued(keys, certificate, key);
    }

    /** What {@link #issue} made: a PKCS#12 store (key and chain), and the same as PEM certificate and key. */
    public record Issued(Path keyStore, Path certificate, Path key) {
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        // a short-lived JVM each: C1 only and the serial collector start it sooner
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        line.addAll(List.of(arguments));
        line.addAll(List.of("-storetype", "PKCS12"));
        Process keytool = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
