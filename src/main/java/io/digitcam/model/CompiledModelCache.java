package io.digitcam.model;

import io.digitcam.config.UserFolders;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled networks kept in the user's cache folder, each under the SHA-256 of the model file it
 * was compiled from. Restoring a DL4J zip starts ND4J and loads DL4J (about two seconds of the
 * app's start here) only to fold it into the same floats every time; a model seen before is read
 * back from here instead. A changed model file has another hash and is compiled afresh, so an
 * entry can be stale only if SHA-256 collides. The cache is an optimisation: anything wrong with
 * it (unwritable, corrupt) is logged and ignored.
 */
public final class CompiledModelCache {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledModelCache.class);
    /** Overrides the folder (the tests keep theirs under target/). */
    public static final String FOLDER_PROPERTY = "digitcam.cache";
    private static final int MAGIC = 0x44434331; // "DCC1"
    /**
     * Entries kept, the most recently used first: every model Learn my handwriting tries is
     * compiled once (about 1.3 MB), and a user who learns often would otherwise fill the cache.
     */
    static final int KEPT = 12;

    /** A compiled network and what the loader needs to know without DL4J. */
    record Entry(FoldedCnn net, long parameters, int outputs) {
    }

    private final Path folder;

    CompiledModelCache(Path folder) {
        this.folder = folder;
    }

    /** The user's cache folder ({@link UserFolders#cache()}), or the {@value #FOLDER_PROPERTY} property. */
    public static CompiledModelCache standard() {
        String override = System.getProperty(FOLDER_PROPERTY);
        return new CompiledModelCache(override != null && !override.isBlank() ? Path.of(override)
                : UserFolders.current().cache().resolve("compiled"));
    }

    public Path folder() {
        return folder;
    }

    /** True when {@code model} has been compiled for {@code role} before (hashes the file). */
    public boolean has(Path model, String role) {
        try {
            return Files.isRegularFile(entry(Checksums.sha256(model), role));
        } catch (IOException e) {
            return false;
        }
    }

    Optional<Entry> find(Path model, String role) {
        String sha;
        try {
            sha = Checksums.sha256(model);
        } catch (IOException e) {
            return Optional.empty();
        }
        Path file = entry(sha, role);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(sha) || !in.readUTF().equals(role)) {
                throw new IOException("written for another model");
            }
            long parameters = in.readLong();
            int outputs = in.readInt();
            Entry found = new Entry(FoldedCnnFile.read(in), parameters, outputs);
            touch(file);
            return Optional.of(found);
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring the compiled network {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    void store(Path model, String role, Entry entry) {
        try {
            String sha = Checksums.sha256(model);
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, sha, ".part");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                    out.writeInt(MAGIC);
                    out.writeUTF(sha);
                    out.writeUTF(role);
                    out.writeLong(entry.parameters());
                    out.writeInt(entry.outputs());
                    FoldedCnnFile.write(entry.net(), out);
                }
                Files.move(tmp, entry(sha, role), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not keep the compiled network of {} in {}: {}", model, folder, e.toString());
        }
    }

    /** Marks an entry as used, so that pruning keeps it. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // pruning may then drop it a little early
        }
    }

    /** Deletes all but the {@link #KEPT} most recently used entries. */
    private void prune() throws IOException {
        java.util.List<Path> entries;
        try (var files = Files.list(folder)) {
            entries = files.filter(f -> f.getFileName().toString().endsWith(".bin")).collect(
                    java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        }
        if (entries.size() <= KEPT) {
            return;
        }
        java.util.Map<Path, Long> used = new java.util.HashMap<>();
        for (Path f : entries) {
            used.put(f, Files.getLastModifiedTime(f).toMillis());
        }
        entries.sort(java.util.Comparator.comparing(used::get, java.util.Comparator.reverseOrder()));
        for (Path old : entries.subList(KEPT, entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private Path entry(String sha, String role) {
        return folder.resolve(sha + "-" + role + ".bin");
    }
}
