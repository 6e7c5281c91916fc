package dev.retort.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where Retort keeps what it can compute again (compiled migrations, entity schemas): a folder of the user's
 * own, {@code retort.cache.dir}, else {@code RETORT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/retort}
 * ({@code ~/.cache/retort}). {@code off} switches caching off. What is read back from there is trusted (class
 * files are run), so a folder others can write to, or that belongs to someone else, is not used.
 */
public final class CacheDirectory {

    private CacheDirectory() {
    }

    /** The cache's sub-folder {@code name}, created for the user alone; {@code null} when off or unsafe. */
    public static Path resolve(String name) {
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
            root = base.resolve("retort");
        }
        Path folder = root.resolve(name);
        return isPrivate(root) && isPrivate(folder) ? folder : null;
    }

    /** Creates the folder for the user alone, or checks that an existing one is the user's alone. */
    private static boolean isPrivate(Path folder) {
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder);
                if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
                return true;
            }
            if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                return Files.isDirectory(folder);
            }
            UserPrincipal me = folder.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(folder);
            return Files.isDirectory(folder) && Files.getOwner(folder).equals(me)
                    && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Writes an entry's content into a fresh temporary file or folder. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    /**
     * Stores {@code entry} (a file, or a folder when {@code folder}) in {@code root}: {@code content} fills a
     * temporary sibling named {@code incoming-*}, which is then moved into place atomically, so a reader never sees
     * half an entry; then {@code root} is pruned to {@code keep} entries. Best effort, as everything here can be
     * computed again: a run that stored the entry first, a file system that cannot move atomically, or an
     * unwritable folder leave the cache as it was and never fail the command.
     */
    public static void store(Path root, Path entry, boolean folder, int keep, Content content) {
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = folder ? Files.createTempDirectory(root, "incoming-") : Files.createTempFile(root, "incoming-", ".tmp");
            content.writeTo(temp);
            Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            prune(root, keep);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // another run stored it first, or the file system cannot move atomically: skip caching
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            // an unwritable folder only costs speed; anything else is a bug and propagates
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    /** Keeps the {@code keep} most recently written entries (files or folders) of {@code folder}. */
    public static void prune(Path folder, int keep) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            // Each entry's time read once: another process may touch or write entries while this one sorts, and a
            // comparator reading the file system on every comparison breaks the sort's contract (TimSort throws).
            Map<Path, Long> modified = new HashMap<>();
            list.filter(p -> !p.getFileName().toString().startsWith("incoming-"))
                    .forEach(p -> modified.put(p, modified(p)));
            entries = modified.keySet().stream()
                    .sorted(Comparator.comparing((Path p) -> modified.get(p)).reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return; // best effort: the folder changed under us, the next run prunes
        }
        for (Path old : entries.subList(Math.min(keep, entries.size()), entries.size())) {
            delete(old);
        }
    }

    /** Deletes a file or a folder with its contents, quietly: leftovers only cost space. */
    public static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // harmless (another process may be deleting it too)
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
