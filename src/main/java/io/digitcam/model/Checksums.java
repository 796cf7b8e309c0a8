package io.digitcam.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of files, in lower-case hex: data files in metrics, models in capture sidecars and
 * the compiled-model cache. A file whose size and modification time have not changed is not
 * hashed again: the app asks for its models' hashes three times while it starts.
 */
public final class Checksums {
    private record Seen(Path file, long size, java.nio.file.attribute.FileTime modified) {
    }

    private static final java.util.Map<Seen, String> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private Checksums() {
    }

    public static String sha256(Path file) throws IOException {
        var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        Seen key = new Seen(file.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime());
        String known = SEEN.get(key);
        if (known != null) {
            return known;
        }
        String sha = hash(file);
        SEEN.put(key, sha);
        return sha;
    }

    private static String hash(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
