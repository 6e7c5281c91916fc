package dev.retort.migration.internal;

import dev.retort.cache.CacheDirectory;
import dev.retort.cache.ClassPathDigest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers compiled migrations on disk, keyed by a SHA-256 of everything the compilation depends on (the
 * sources, their folder, the Java version and the compile class path), so a command run twice on unchanged
 * migrations skips javac. A changed byte anywhere is a new key; a damaged entry is ignored and rebuilt.
 * The folder is {@code compiled} in the {@link CacheDirectory}; class files found there are loaded and run,
 * which is why that folder must be the user's own. The 200 most recent entries are kept.
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
        Path root = CacheDirectory.resolve("compiled");
        return root == null ? null : new CompileCache(root);
    }

    /** The key of compiling {@code sources} (their bytes, by file) of {@code directory} with {@code classpath}. */
    static String key(Path directory, Map<Path, byte[]> sources, String classpath) throws IOException {
        ClassPathDigest digest = ClassPathDigest.of("retort-compile-cache-2")
                .text(System.getProperty("java.version"))
                .text(directory.toAbsolutePath().normalize().toString());
        for (String entry : classpath.split(File.pathSeparator)) {
            digest.text(entry).entry(Path.of(entry));
        }
        for (Map.Entry<Path, byte[]> source : sources.entrySet()) {
            digest.text(directory.relativize(source.getKey()).toString()).bytes(source.getValue());
        }
        return digest.hex();
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
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null; // damaged (unreadable, or an index line naming no file): compile again; a bug propagates
        }
    }

    /** Stores a compilation; best effort, never fails the command. */
    void store(String key, Compiled compiled) {
        Path dir = root.resolve(key);
        if (Files.isDirectory(dir)) {
            return;
        }
        CacheDirectory.store(root, dir, true, KEEP, temp -> {
            List<String> index = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : compiled.classes().entrySet()) {
                Files.write(temp.resolve(e.getKey() + ".class"), e.getValue());
                index.add(e.getKey() + "\t" + compiled.sourceOf().getOrDefault(e.getKey(), ""));
            }
            index.sort(null);
            Files.write(temp.resolve("index.tsv"), index, StandardCharsets.UTF_8);
        });
    }
}
