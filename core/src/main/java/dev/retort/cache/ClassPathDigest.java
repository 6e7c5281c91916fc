package dev.retort.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A digest of what a class path holds, by content rather than by file dates, so a cache keyed on it survives a
 * rebuild that changes nothing (a fresh clone, {@code mvn clean compile}, a CI runner restoring the cache folder)
 * and misses on a changed byte. A folder counts file by file (relative name and bytes); a jar by its central
 * directory (each entry's name, size and CRC-32, which the zip format keeps for exactly this), so a 30 MB jar
 * costs milliseconds, not a read of every byte; any other file by its bytes. Each entry is summed with native
 * checksums ({@link Checksums}), and the text and entry sums are combined with SHA-256. Where an entry sits is
 * not part of the digest, only its place in the class path.
 */
public final class ClassPathDigest {

    private final MessageDigest sha;

    private ClassPathDigest(String purpose) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks SHA-256", e);
        }
        text(purpose);
    }

    /** A digest for one kind of cache entry; {@code purpose} (with a version) keeps kinds apart. */
    public static ClassPathDigest of(String purpose) {
        return new ClassPathDigest(purpose);
    }

    /** Adds a piece of text, delimited so that ("ab", "c") and ("a", "bc") differ. */
    public ClassPathDigest text(String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        return this;
    }

    /** Adds raw bytes (a source file, say) by their native checksums and length. */
    public ClassPathDigest bytes(byte[] bytes) {
        Checksums sum = new Checksums();
        sum.bytes(bytes);
        return text("bytes " + sum);
    }

    /** Adds one class path entry by content: a folder, a jar, another file, or a missing path. */
    public ClassPathDigest entry(Path entry) throws IOException {
        Checksums sum = new Checksums();
        String kind;
        if (Files.isDirectory(entry)) {
            kind = "dir";
            List<Path> files;
            try (Stream<Path> walk = Files.walk(entry)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                sum.text(entry.relativize(file).toString().replace('\\', '/'));
                sum.bytes(Files.readAllBytes(file));
            }
        } else if (Files.isRegularFile(entry)) {
            kind = jar(entry, sum) ? "jar" : "file";
            if (kind.equals("file")) {
                sum.bytes(Files.readAllBytes(entry));
            }
        } else {
            kind = "missing";
        }
        return text(kind + " " + sum);
    }

    /** Adds every entry in order. */
    public ClassPathDigest entries(List<Path> entries) throws IOException {
        for (Path entry : entries) {
            entry(entry);
        }
        return this;
    }

    /** The digest so far, as 64 hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    private static boolean jar(Path file, Checksums sum) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().forEach(e -> sum.text(line(e)));
            if (zip.getComment() != null) {
                sum.text("comment " + zip.getComment());
            }
            return true;
        } catch (ZipException e) {
            return false; // not a zip: digested by its bytes
        }
    }

    private static String line(ZipEntry e) {
        // A stored entry's CRC is known from the central directory as well; -1 only for a damaged jar.
        return e.getName() + " " + e.getSize() + " " + Long.toHexString(e.getCrc());
    }

    /**
     * CRC-32 and Adler-32 side by side, with the length: 64 bits that tell apart any two class paths a build is
     * likely to produce, computed by the JDK's native code. SHA-256 over every byte would be stronger against an
     * adversary (not the threat here: the cache folder is the user's own), but it runs in Java code that a
     * short-lived JVM has not compiled yet, and cost a fifth of a cold {@code check} at 1,000 entities.
     */
    private static final class Checksums {
        private final CRC32 crc = new CRC32();
        private final Adler32 adler = new Adler32();
        private long length;

        void text(String text) {
            bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] bytes) {
            byte[] size = ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array();
            crc.update(size);
            adler.update(size);
            crc.update(bytes);
            adler.update(bytes);
            length += bytes.length + Integer.BYTES;
        }

        @Override
        public String toString() {
            return Long.toHexString(crc.getValue()) + "-" + Long.toHexString(adler.getValue()) + "-" + length;
        }
    }
}
