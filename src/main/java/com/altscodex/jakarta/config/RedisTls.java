package com.altscodex.jakarta.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * How {@code rediss://} is trusted: the CAs that may sign Redis's certificate (a trust store, a PEM
 * file of CA certificates, or the JDK's own when neither is set), an optional client certificate
 * for mutual TLS, and whether the certificate must name the host (on unless switched off). Built
 * at deployment, so a file that cannot be read or a wrong password fails there, by key; the
 * passwords are used to open the stores and kept nowhere.
 */
public final class RedisTls {
    /** The JDK's CAs, the host's name checked, no client certificate. */
    public static final RedisTls DEFAULT = new RedisTls(null, null, true, "the JDK's CAs");


    private final TrustManagerFactory trust;
    private final KeyManagerFactory keys;
    private final boolean verifyHostname;
    private final String shown;

    private RedisTls(TrustManagerFactory trust, KeyManagerFactory keys, boolean verifyHostname, String shown) {
        this.trust = trust;
        this.keys = keys;
        this.verifyHostname = verifyHostname;
        this.shown = shown;
    }

    /** Trust and keys as read (each may be null), and the host check. */
    public static RedisTls of(Trust trust, KeyManagerFactory keys, String keysFrom, boolean verifyHostname) {
        String shown = (trust == null ? "the JDK's CAs" : trust.shown()) + (keys == null ? "" : ", client certificate from " + keysFrom)
                + (verifyHostname ? "" : ", host name not checked");
        return new RedisTls(trust == null ? null : trust.factory(), keys, verifyHostname, shown);
    }

    /** Trusted CAs and where they came from. */
    public record Trust(TrustManagerFactory factory, String shown) {
    }

    /**
     * The CAs of a PKCS#12 or JKS file.
     *
     * @throws IllegalArgumentException saying what is wrong, never a password
     */
    public static Trust trustStore(Path file, char[] password) {
        return new Trust(trusting(load(file, password, "trust store")), "the CAs of " + file);
    }

    /** The CAs of a PEM file of certificates. */
    public static Trust caFile(Path file) {
        return new Trust(trusting(pem(file)), "the CAs of " + file);
    }

    /** The client certificate and key of a PKCS#12 or JKS file, opened with its password. */
    public static KeyManagerFactory keyStore(Path file, char[] password) {
        KeyStore store = load(file, password, "key store");
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("holds a key its password does not open (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static TrustManagerFactory trusting(KeyStore store) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot be used (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static KeyStore load(Path file, char[] password, String what) {
        readable(file);
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (IOException | GeneralSecurityException e) {
            // the JDK says so when the password does not open the store
            throw new IllegalArgumentException("is a " + what + " that cannot be opened: a wrong password, or neither"
                    + " PKCS#12 nor JKS");
        }
    }

    private static KeyStore pem(Path file) {
        readable(file);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("holds no PEM certificate that can be read");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("holds no PEM certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("an empty key store always loads", e);
        }
    }

    private static void readable(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("is no readable file");
        }
    }

    /** The trusted CAs, or null for the JDK's. */
    public TrustManagerFactory trust() {
        return trust;
    }

    /** The client certificate's keys, or null for none. */
    public KeyManagerFactory keys() {
        return keys;
    }

    public boolean verifyHostname() {
        return verifyHostname;
    }

    @Override
    public String toString() {
        return shown;
    }
}
