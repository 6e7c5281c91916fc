package dev.retort.cli;

import dev.retort.FileAccessException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates the files (and folders) a command writes, all or nothing: when one cannot be written, what was written
 * and the folders created for it are removed again, and the error names the path and why. Never overwrites a file.
 */
final class NewFiles {

    private NewFiles() {
    }

    /**
     * @param folders folders to create (with their missing parents) besides those the files need
     * @param files   the text of each new file, written in this order
     * @param advice  what to do when something cannot be written, one sentence
     * @throws FileAccessException naming the path that could not be created
     */
    static void create(List<Path> folders, Map<Path, String> files, String advice) {
        List<Path> created = new ArrayList<>();
        List<Path> needed = new ArrayList<>(folders);
        files.keySet().forEach(f -> needed.add(f.getParent()));
        Path current = null;
        try {
            for (Path folder : needed) {
                for (Path dir : missingFolders(folder)) {
                    current = dir;
                    Files.createDirectory(dir);
                    created.add(dir);
                }
            }
            for (Map.Entry<Path, String> file : files.entrySet()) {
                current = file.getKey();
                // CREATE_NEW: a file that appeared since the caller looked is never overwritten.
                Files.writeString(current, file.getValue(), StandardOpenOption.CREATE_NEW);
                created.add(current);
            }
        } catch (IOException e) {
            for (int i = created.size() - 1; i >= 0; i--) {
                deleteQuietly(created.get(i));
            }
            // Half of a file may be there when the write itself failed (a full disk); one that appeared since the
            // caller looked is someone else's.
            if (!(e instanceof FileAlreadyExistsException) && files.containsKey(current)) {
                deleteQuietly(current);
            }
            throw new FileAccessException(files.containsKey(current) ? "write" : "create the folder", current, e,
                    advice);
        }
    }

    /** The folders from the outermost missing one down to {@code dir}, which creating {@code dir} creates. */
    private static List<Path> missingFolders(Path dir) {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        return missing;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the write failed already; that is the error to report
        }
    }
}
