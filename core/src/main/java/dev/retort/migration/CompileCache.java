package dev.retort.migration;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Remembers compiled migrations on disk, keyed by a SHA-256 of everything the compilation depends on (the
 * sources, their folder, the Java version and the compile class path), so a command run twice on unchanged
 * migrations skips javac. A changed byte anywhere is a new key; a damaged entry is ignored and rebuilt.
 * The folder is {@code retort.cache.dir}, else {@code RETORT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/retort/compiled}
 * ({@code ~/.cache/retort/compiled}); {@code off} switches it off. Class files found there are loaded and run,
 * so the folder must be the user's own: one that others can write to, or that belongs to someone else, is
 * not used. The 200 most recent entries are kept.
 */
final class CompileCache {

    /** What one compilation produced: class bytes by class name, and the source file of each class. */
    record Compiled(Map<String, byte[]> classes, Map<String, String> sourceOf) {
    }

    private final Path root;

    private CompileCache(Path root) {
        this.root = root;
    }

    static final int KEEP = 200;

    /** The cache in its configured folder, or {@code null} when switched off or not safe to use. */
    static CompileCache configured() {
        String dir = System.getProperty("retort.cache.dir", System.getenv("RETORT_CACHE_DIR"));
        if ("off".equals(dir)) {
            return null;
        }
        Path root;
        if (dir != null && !dir.isBlank()) {
            root = Path.of(dir);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            root = base.resolve("retort").resolve("compiled");
        }
        return isPrivate(root) ? new CompileCache(root) : null;
    }

    /** Creates the folder for the user alone, or checks that an existing one is the user's alone. */
    private static boolean isPrivate(Path root) {
        try {
            if (!Files.exists(root)) {
                Files.createDirectories(root);
                if (Files.getFileStore(root).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
                }
                return true;
            }
            if (!Files.getFileStore(root).supportsFileAttributeView("posix")) {
                return Files.isDirectory(root);
            }
            UserPrincipal me = root.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(root);
            return Files.isDirectory(root) && Files.getOwner(root).equals(me)
                    && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The key of compiling {@code sources} of {@code directory} with {@code classpath}. */
    static String key(Path directory, List<Path> sources, String classpath) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(sha, "retort-compile-cache-1");
        update(sha, System.getProperty("java.version"));
        update(sha, directory.toAbsolutePath().normalize().toString());
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            update(sha, entry);
            if (Files.isRegularFile(p)) {
                update(sha, Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        for (Path source : sources) {
            update(sha, directory.relativize(source).toString());
            sha.update(Files.readAllBytes(source));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    /** The compilation stored under {@code key}, or {@code null}. */
    Compiled load(String key) {
        Path dir = root.resolve(key);
        Path index = dir.resolve("index.tsv");
        if (!Files.isRegularFile(index)) {
            return null;
        }
        try {
            Map<String, byte[]> classes = new HashMap<>();
            Map<String, String> sourceOf = new HashMap<>();
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 2);
                classes.put(parts[0], Files.readAllBytes(dir.resolve(parts[0] + ".class")));
                if (parts.length == 2 && !parts[1].isEmpty()) {
                    sourceOf.put(parts[0], parts[1]);
                }
            }
            return new Compiled(classes, sourceOf);
        } catch (IOException | RuntimeException e) {
            return null; // damaged: compile again
        }
    }

    /** Stores a compilation; best effort, never fails the command. */
    void store(String key, Compiled compiled) {
        Path dir = root.resolve(key);
        if (Files.isDirectory(dir)) {
            return;
        }
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempDirectory(root, "incoming-");
            List<String> index = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : compiled.classes().entrySet()) {
                Files.write(temp.resolve(e.getKey() + ".class"), e.getValue());
                index.add(e.getKey() + "\t" + compiled.sourceOf().getOrDefault(e.getKey(), ""));
            }
            index.sort(null);
            Files.write(temp.resolve("index.tsv"), index, StandardCharsets.UTF_8);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            prune();
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // another run stored it first, or the file system cannot move atomically: skip caching
        } catch (IOException | RuntimeException e) {
            // an unwritable temp folder only costs speed
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Keeps the {@link #KEEP} most recently written entries. */
    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.filter(Files::isDirectory).sorted(Comparator.comparing(CompileCache::modified).reversed()).toList();
        }
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
            deleteQuietly(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftovers in the temp folder are harmless
        }
    }
}
