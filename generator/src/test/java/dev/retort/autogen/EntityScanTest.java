package dev.retort.autogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.hibernate.EntityMappingException;
import dev.retort.hibernate.EntitySource;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.schema.Table;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An entity package as real applications have them (found on DSpace's): beside the entities, classes that need a
 * library only the application server provides. Scanning must not load them.
 */
@DisplayName("Scanning an entity package")
class EntityScanTest {

    private final Path work;

    EntityScanTest() throws IOException {
        work = Files.createTempDirectory("retort-scan");
    }

    @AfterEach
    void delete() throws IOException {
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Compiles {@code model} and deletes {@code Provided.class}, as if its jar were "provided" scope. */
    private URLClassLoader withoutProvided(Model model) throws IOException {
        Path classes = EntityCompiler.compile(model.with("Provided", "public abstract class Provided { }"), work);
        Files.delete(classes.resolve(Model.PACKAGE.replace('.', '/')).resolve("Provided.class"));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    @DisplayName("skips a class that cannot be loaded when it names no mapping annotation")
    void skipsUnloadableNonEntities() throws IOException {
        Model model = new Model(Map.of(
                "Listener", "public class Listener extends Provided { }",
                "Note", """
                        @Entity
                        public class Note {
                            @Id
                            Long id;

                            String text;
                        }
                        """));
        try (URLClassLoader loader = withoutProvided(model)) {
            assertEquals(java.util.List.of("note"), new HibernateSchemaReader()
                    .read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, loader, Model.PACKAGE)).tables().stream().map(Table::name).toList());
        }
    }

    @Test
    @DisplayName("still names an entity that cannot be loaded, and what it misses")
    void namesUnloadableEntities() throws IOException {
        Model model = new Model(Map.of("Note", """
                @Entity
                public class Note extends Provided {
                    @Id
                    Long id;
                }
                """));
        try (URLClassLoader loader = withoutProvided(model)) {
            EntityMappingException e = assertThrows(EntityMappingException.class,
                    () -> new HibernateSchemaReader().read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, loader, Model.PACKAGE)));
            assertTrue(e.getMessage().contains(Model.PACKAGE + ".Note"), e.getMessage());
            assertTrue(e.getMessage().contains(Model.PACKAGE + ".Provided is missing"), e.getMessage());
        }
    }
}
