package io.digitcam.capture;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file operations {@link CaptureWriter} performs that can fail because of the disk: creating
 * (reservation locks and temp files) and moving temp files into place. Tests substitute one that
 * fails like a read-only folder or a full disk, which cannot be arranged for real when running
 * as root or without a tiny file system.
 */
public interface FileSink {
    /**
     * Creates {@code file}, failing with {@link java.nio.file.FileAlreadyExistsException} if it
     * exists, and opens it for writing. When the stream closes without error its content is on disk.
     */
    OutputStream create(Path file) throws IOException;

    /** Renames a finished temp file to its final name in the same folder, atomically where possible. */
    void move(Path temp, Path target) throws IOException;

    /** The real file system; content is forced to the device before a temp file is moved into place. */
    static FileSink local() {
        return new FileSink() {
            @Override
            public OutputStream create(Path file) throws IOException {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new FilterOutputStream(Channels.newOutputStream(ch)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        try (ch) {
                            out.flush();
                            ch.force(true);
                        }
                    }
                };
            }

            @Override
            public void move(Path temp, Path target) throws IOException {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    // Same folder, so this is rare (some network shares); without REPLACE_EXISTING
                    // this still refuses to overwrite.
                    Files.move(temp, target);
                }
            }
        };
    }
}
