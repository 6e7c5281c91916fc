package dev.retort;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file or folder Retort must read or write cannot be: the message names the path, says why in words (permission
 * denied, a part of the path is a file, the disk is full) and what to do, in place of the stack trace of an
 * {@link IOException}.
 */
public class FileAccessException extends RetortException {

    private final Path path;

    /**
     * @param action what was being done, completing "Cannot ...": {@code "write"}, {@code "read the migrations folder"}
     * @param advice what to do about it, one sentence
     */
    public FileAccessException(String action, Path path, IOException cause, String advice) {
        super("Cannot " + action + " " + path + ": " + reason(path, cause) + ". " + advice, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /**
     * Why {@code cause} happened to {@code path}, in words: {@code permission denied}, {@code /a/b is a file, not a
     * folder}, {@code no space left on device}. Names the file the failure is about when that is another one.
     */
    public static String reason(Path path, IOException cause) {
        Path file = cause instanceof FileSystemException fs && fs.getFile() != null ? Path.of(fs.getFile()) : path;
        if (cause instanceof AccessDeniedException) {
            return file.equals(path) ? "permission denied" : "permission denied on " + file;
        }
        if (cause instanceof NoSuchFileException) {
            return file + " does not exist";
        }
        if (cause instanceof FileAlreadyExistsException && file.equals(path)) {
            return "it already exists";
        }
        if (cause instanceof NotDirectoryException || cause instanceof FileAlreadyExistsException
                || cause instanceof FileSystemException fs && "Not a directory".equals(fs.getReason())) {
            Path blocker = fileInTheWay(file);
            if (blocker != null) {
                return blocker + " is a file, not a folder";
            }
        }
        String text = cause instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        text = text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        return file.equals(path) || file.toString().isEmpty() ? text : text + " (" + file + ")";
    }

    /** {@code path} itself or the nearest of its ancestors that exists, when that is a regular file; else null. */
    public static Path fileInTheWay(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isRegularFile(p) ? p : null;
            }
        }
        return null;
    }
}
