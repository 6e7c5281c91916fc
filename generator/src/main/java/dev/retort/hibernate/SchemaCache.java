package dev.retort.hibernate;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.retort.cache.CacheDirectory;
import dev.retort.cache.ClassPathDigest;
import dev.retort.schema.Schema;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Remembers the schema Hibernate's metadata gave for a set of entities, so an unchanged model is not mapped
 * again on the next {@code check}: building Hibernate's metadata is most of the cost of a comparison. The key
 * is a SHA-256 over everything the mapping depends on: the packages, naming strategies and settings, and the
 * content of the class path the entities are loaded from, Retort's and Hibernate's own jars included
 * ({@link ClassPathDigest}: by content, not by date, so a rebuild of unchanged entities still hits). A changed class
 * anywhere is a new key.
 * Entries live in {@code schemas} of the {@link CacheDirectory}; the 50 most recent are kept.
 */
final class SchemaCache {

    static final int KEEP = 50;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .build();

    private final Path root;

    private SchemaCache(Path root) {
        this.root = root;
    }

    /** The cache in its configured folder, or {@code null} when caching is off or the folder is unsafe. */
    static SchemaCache configured() {
        Path root = CacheDirectory.resolve("schemas");
        return root == null ? null : new SchemaCache(root);
    }

    /** The cached schema for {@code source}, or {@code compute}'s, stored for the next time. */
    Schema read(EntitySource source, Supplier<Schema> compute) {
        String key;
        try {
            key = key(source);
        } catch (IOException | RuntimeException e) {
            return compute.get();
        }
        Path file = root.resolve(key + ".json");
        if (Files.isRegularFile(file)) {
            try {
                return JSON.readValue(file.toFile(), Schema.class);
            } catch (IOException | RuntimeException e) {
                // damaged or from an older model: map again
            }
        }
        Schema schema = compute.get();
        store(file, schema);
        return schema;
    }

    private void store(Path file, Schema schema) {
        CacheDirectory.store(root, file, false, KEEP, temp -> JSON.writeValue(temp.toFile(), schema));
    }

    static String key(EntitySource source) throws IOException {
        ClassPathDigest digest = ClassPathDigest.of("retort-schema-cache-2")
                .text(String.join(",", source.packages()))
                .text(String.valueOf(source.naming().physical()))
                .text(String.valueOf(source.naming().implicit()));
        new TreeMap<>(source.settings()).forEach((k, v) -> digest.text(k + "=" + v));
        return digest.entries(classPath(source.classLoader())).hex();
    }

    /** The class path the entities see: the URL class loaders from {@code loader} up, then the JVM's own. */
    private static List<Path> classPath(ClassLoader loader) {
        Set<Path> entries = new LinkedHashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if (url.getProtocol().equals("file")) {
                        try {
                            entries.add(Path.of(url.toURI()));
                        } catch (URISyntaxException e) {
                            throw new IllegalArgumentException(e);
                        }
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        return new ArrayList<>(entries);
    }

    /** Visible for tests: the JSON form of a schema and back, which must be lossless. */
    static Schema roundTrip(Schema schema) throws IOException {
        return JSON.readValue(JSON.writeValueAsBytes(schema), Schema.class);
    }
}
