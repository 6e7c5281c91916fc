package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.retort.schema.Schema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The entity schema cache")
class SchemaCacheTest {

    private static final ClassLoader LOADER = SchemaCacheTest.class.getClassLoader();
    private static final EntitySource RICH = EntitySource.of(LOADER, "dev.retort.fixtures.rich");

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
        assertNotEquals(key, SchemaCache.key(EntitySource.of(LOADER, "dev.retort.fixtures.spring")));

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
            Schema first = reader.readCached(RICH);
            assertEquals(List.of(key + ".json"), entries(dir.resolve("schemas")));
            Files.writeString(dir.resolve("schemas").resolve(key + ".json"), "{ damaged");
            assertEquals(first, reader.readCached(RICH), "a damaged entry is mapped again");
            assertEquals(first, reader.readCached(RICH));
            assertEquals(reader.read(RICH), first);
        } finally {
            if (previous == null) {
                System.clearProperty("retort.cache.dir");
            } else {
                System.setProperty("retort.cache.dir", previous);
            }
        }
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("incoming-")).sorted().toList();
        }
    }
}
