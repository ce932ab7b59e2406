package app.go.local.dynamodb.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * A snapshot file plus an append-only log in one directory. Every record is framed as
 * [length:int][crc32:int][JSON bytes]; {@link #append} forces the log to disk before returning, so
 * an acknowledged write survives kill -9. On replay a torn or corrupt tail (a crash mid-append) ends
 * the log and is cut off. The snapshot is replaced atomically (write, fsync, rename).
 */
public final class FileJournal implements Journal {
    private static final String SNAPSHOT = "snapshot.bin";
    private static final String LOG = "journal.log";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;
    private FileChannel log;

    public FileJournal(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    @Override
    public void replay(Consumer<ObjectNode> records) {
        try {
            Path snapshot = directory.resolve(SNAPSHOT);
            if (Files.exists(snapshot)) {
                try (InputStream in = Files.newInputStream(snapshot)) {
                    readFrames(in, records);
                }
            }
            Path logFile = directory.resolve(LOG);
            long goodLength = 0;
            if (Files.exists(logFile)) {
                try (InputStream in = Files.newInputStream(logFile)) {
                    goodLength = readFrames(in, records);
                }
            }
            log = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (log.size() > goodLength) {
                log.truncate(goodLength);
                log.force(true);
            }
            log.position(goodLength);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal in " + directory, e);
        }
    }

    /** Reads frames until the end or the first incomplete or corrupt one; returns the bytes of good frames. */
    private static long readFrames(InputStream raw, Consumer<ObjectNode> records) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw));
        long good = 0;
        while (true) {
            int length;
            int crc;
            byte[] payload;
            try {
                length = in.readInt();
                crc = in.readInt();
                if (length < 0 || length > 64 * 1024 * 1024) {
                    return good;
                }
                payload = in.readNBytes(length);
            } catch (EOFException e) {
                return good;
            }
            if (payload.length < length || crc(payload) != crc) {
                return good;
            }
            records.accept((ObjectNode) MAPPER.readTree(payload));
            good += 8 + length;
        }
    }

    @Override
    public void append(ObjectNode record) {
        try {
            byte[] payload = MAPPER.writeValueAsBytes(record);
            ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
            frame.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
            while (frame.hasRemaining()) {
                log.write(frame);
            }
            log.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal in " + directory, e);
        }
    }

    @Override
    public void compact(SnapshotWriter snapshot) {
        Path temporary = directory.resolve(SNAPSHOT + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                snapshot.writeTo(record -> writeFrame(out, record));
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, directory.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(SNAPSHOT), StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory();
            log.truncate(0);
            log.position(0);
            log.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a snapshot in " + directory, e);
        }
    }

    private static void writeFrame(OutputStream out, ObjectNode record) {
        try {
            byte[] payload = MAPPER.writeValueAsBytes(record);
            out.write(ByteBuffer.allocate(8).putInt(payload.length).putInt(crc(payload)).array());
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a directory; the rename itself is still atomic
        }
    }

    private static int crc(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return (int) crc.getValue();
    }

    @Override
    public void close() {
        try {
            if (log != null) {
                log.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
