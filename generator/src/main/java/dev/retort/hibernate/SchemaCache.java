package dev.retort.hibernate;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.retort.cache.CacheDirectory;
import dev.retort.cache.ClassPathDigest;
import dev.retort.schema.Schema;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Remembers the schema Hibernate's metadata gave for a set of entities, so an unchanged model is not mapped
 * again on the next {@code check}: building Hibernate's metadata is most of the cost of a comparison. The key
 * is a SHA-256 over everything the mapping depends on: the packages, naming strategies and settings, and the
 * content of the class path the entities are loaded from, Retort's and Hibernate's own jars included
 * ({@link ClassPathDigest}: by content, not by date, so a rebuild of unchanged entities still hits). A changed class
 * anywhere is a new key.
 * Entries live in {@code schemas} of the {@link CacheDirectory}; the 50 most recent are kept.
 *
 * <p>An entry that cannot be used (unreadable, damaged, or written by another version of the schema model) is
 * mapped again, and the {@code debug} sink is told so; anything else that goes wrong is a bug and propagates.
 */
final class SchemaCache {

    static final int KEEP = 50;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .build();

    private final Path root;
    private final Consumer<String> debug;

    /** A cache in {@code root} that tells {@code debug} (one line each) when it falls back to Hibernate. */
    SchemaCache(Path root, Consumer<String> debug) {
        this.root = root;
        this.debug = debug;
    }

    /** The cache in its configured folder, or {@code null} when caching is off or the folder is unsafe. */
    static SchemaCache configured(Consumer<String> debug) {
        Path root = CacheDirectory.resolve("schemas");
        return root == null ? null : new SchemaCache(root, debug);
    }

    /** The schemas the entities use, as JSON: the cache entry. */
    record Entry(@com.fasterxml.jackson.annotation.JsonProperty("schemas") List<Schema> schemas) {
    }

    /** The cached schemas for {@code source}, or {@code compute}'s, stored for the next time. */
    List<Schema> read(EntitySource source, Supplier<List<Schema>> compute) {
        String key;
        try {
            key = key(source);
        } catch (IOException | UncheckedIOException e) {
            // a class path entry that cannot be read (Files.walk reports some of that unchecked): no key, no cache
            debug.accept("entity schema cache not used: the class path could not be read for its key ("
                    + oneLine(e) + "); reading the entities with Hibernate");
            return compute.get();
        }
        Path file = root.resolve(key + ".json");
        if (Files.isRegularFile(file)) {
            List<Schema> cached = entry(file);
            if (cached != null) {
                return cached;
            }
        }
        List<Schema> schemas = compute.get();
        store(file, schemas);
        return schemas;
    }

    /**
     * The schema stored in {@code file}, or {@code null} (and a note to {@code debug}) when the entry cannot be
     * used: an I/O error, JSON that does not parse (a damaged or cut-short file), or JSON of another shape (a
     * mapping error: an entry written by another version of the schema model, which the key's version tag and
     * Retort's own classes in the class path digest normally keep apart, or {@code null}).
     */
    private List<Schema> entry(Path file) {
        Entry entry;
        try {
            entry = JSON.readValue(file.toFile(), Entry.class);
        } catch (InvalidDefinitionException e) {
            // Jackson cannot map the schema model at all, whatever the entry holds: a bug in Retort, not a bad entry
            throw new IllegalStateException("The entity schema cache cannot read the schema model from JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            debug.accept("entity schema cache entry " + file + " not used (" + oneLine(e)
                    + "); reading the entities with Hibernate");
            return null;
        }
        if (entry == null || entry.schemas() == null || entry.schemas().isEmpty()) {
            debug.accept("entity schema cache entry " + file + " not used (it holds no schema); reading the entities "
                    + "with Hibernate");
            return null;
        }
        return entry.schemas();
    }

    private static String oneLine(Exception e) {
        // Jackson's own message, without the location it appends: the file is named already
        String text = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        String message = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private void store(Path file, List<Schema> schemas) {
        CacheDirectory.store(root, file, false, KEEP, temp -> JSON.writeValue(temp.toFile(), new Entry(schemas)));
    }

    static String key(EntitySource source) throws IOException {
        ClassPathDigest digest = ClassPathDigest.of("retort-schema-cache-3")
                .text(String.join(",", source.packages()))
                .text(String.valueOf(source.defaultSchema()))
                .text(String.valueOf(source.naming().physical()))
                .text(String.valueOf(source.naming().implicit()));
        new TreeMap<>(source.settings()).forEach((k, v) -> digest.text(k + "=" + v));
        // The Hibernate that reads: an application's own (the Maven plugin) or Retort's, which may map differently.
        digest.text("hibernate=" + org.hibernate.Version.getVersionString());
        digest.text("target=" + source.target().id());
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
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            throw new IllegalArgumentException("The entities' class loader lists " + url + ", which "
                                    + "names no file (Path.toUri().toURL() builds a class path URL that does)", e);
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
