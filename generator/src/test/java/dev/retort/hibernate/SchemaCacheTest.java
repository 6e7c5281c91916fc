package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.schema.Schema;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The entity schema cache")
class SchemaCacheTest {

    private static final ClassLoader LOADER = SchemaCacheTest.class.getClassLoader();
    private static final EntitySource RICH = EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, "dev.retort.fixtures.rich");

    @Test
    @DisplayName("stores a schema losslessly: what comes back equals what Hibernate's metadata gave")
    void roundTripsTheRichModel() throws IOException {
        Schema schema = new HibernateSchemaReader().read(RICH);
        assertEquals(schema, SchemaCache.roundTrip(schema));
        Schema quoted = new HibernateSchemaReader().read(RICH.withSettings(Map.of("hibernate.globally_quoted_identifiers", "true")));
        assertEquals(quoted, SchemaCache.roundTrip(quoted));
    }

    @Test
    @DisplayName("keys on naming, settings and packages, and serves an unchanged model from the cache")
    void keysOnEverythingTheMappingReads(@TempDir Path dir) throws IOException {
        String key = SchemaCache.key(RICH);
        assertEquals(key, SchemaCache.key(RICH));
        assertNotEquals(key, SchemaCache.key(RICH.withNaming(NamingSettings.SPRING)));
        assertNotEquals(key, SchemaCache.key(RICH.withSettings(Map.of("hibernate.auto_quote_keyword", "true"))));
        assertNotEquals(key, SchemaCache.key(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, "dev.retort.fixtures.spring")));

        Path entityClass = Path.of(URI.create(LOADER.getResource("dev/retort/fixtures/rich/Label.class").toString()));
        FileTime written = Files.getLastModifiedTime(entityClass);
        try {
            Files.setLastModifiedTime(entityClass, FileTime.fromMillis(written.toMillis() - 3_600_000));
            assertEquals(key, SchemaCache.key(RICH), "recompiling unchanged entities (a new date, the same bytes) keeps the key");
        } finally {
            Files.setLastModifiedTime(entityClass, written);
        }

        String previous = System.getProperty("retort.cache.dir");
        System.setProperty("retort.cache.dir", dir.toString());
        try {
            HibernateSchemaReader reader = new HibernateSchemaReader();
            List<String> notes = new ArrayList<>();
            Schema first = reader.readCached(RICH, notes::add);
            assertEquals(List.of(key + ".json"), entries(dir.resolve("schemas")));
            Files.writeString(dir.resolve("schemas").resolve(key + ".json"), "{ damaged");
            assertEquals(first, reader.readCached(RICH, notes::add), "a damaged entry is mapped again");
            assertEquals(first, reader.readCached(RICH, notes::add));
            assertEquals(1, notes.size(), () -> "only the damaged entry is worth a note: " + notes);
            assertEquals(reader.read(RICH), first);
        } finally {
            if (previous == null) {
                System.clearProperty("retort.cache.dir");
            } else {
                System.setProperty("retort.cache.dir", previous);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("an entry that cannot be used is mapped again, stored afresh, and the debug sink hears why")
    @CsvSource(delimiter = '|', textBlock = """
            damaged JSON (a file cut short or overwritten) | { "schemas" : [ { "name" : null, "tables" : [ { | Unexpected end-of-input
            an empty file                                  | ''                                  | MismatchedInputException
            JSON null                                      | null                                | it holds no schema
            an entry without schemas                       | { "schemas" : [ ] }                 | it holds no schema
            an older schema model (tables under another name) | { "schemas" : [ { "name" : null, "relations" : [ ] } ] } | ValueInstantiationException
            an older entry (one schema, not a list)        | { "name" : null, "tables" : [ ] }   | Exception
            another shape altogether                       | [ 1, 2, 3 ]                         | MismatchedInputException
            """)
    void fallsBackFromAnEntryItCannotUse(String what, String content, String reason, @TempDir Path dir)
            throws IOException {
        List<Schema> expected = new HibernateSchemaReader().readAll(RICH);
        Path entry = dir.resolve(SchemaCache.key(RICH) + ".json");
        Files.writeString(entry, content);
        List<String> notes = new ArrayList<>();
        SchemaCache cache = new SchemaCache(dir, notes::add);

        assertEquals(expected, cache.read(RICH, () -> new HibernateSchemaReader().readAll(RICH)), what);
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).startsWith("entity schema cache entry " + entry + " not used (")
                && notes.get(0).contains(reason) && notes.get(0).endsWith("; reading the entities with Hibernate"),
                notes::toString);
        assertEquals(expected, cache.read(RICH, () -> {
            throw new AssertionError("the entry was stored afresh, so Hibernate is not asked again");
        }));
        assertEquals(1, notes.size(), notes::toString);
    }

    @Test
    @DisplayName("a bug is not taken for a bad entry: a class loader URL that names no file fails, naming it")
    void doesNotHideABugBehindTheFallback(@TempDir Path dir) throws IOException {
        // "file://" + a relative folder, the classic hand-built URL: "models" becomes the URL's host
        URL handBuilt = new URL("file://models/target/classes/");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {handBuilt}, LOADER)) {
            EntitySource source = EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, loader, "dev.retort.fixtures.rich");
            List<String> notes = new ArrayList<>();
            SchemaCache cache = new SchemaCache(dir, notes::add);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> cache.read(source, () -> new HibernateSchemaReader().readAll(source)));
            assertTrue(e.getMessage().contains(handBuilt.toString()), e::getMessage);
            assertEquals(List.of(), notes, "a bug is no fallback to take note of");
            assertEquals(List.of(), entries(dir));
        }
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("incoming-")).sorted().toList();
        }
    }
}
