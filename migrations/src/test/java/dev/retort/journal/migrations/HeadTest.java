package dev.retort.journal.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.migration.internal.PackageScanner;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import javax.tools.ToolProvider;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
@DisplayName("At head")
class HeadTest {

    @Test
    @DisplayName("the migrations build exactly the schema Hibernate itself creates for the entities, and check is clean")
    void migrationsMatchHibernate(TestDatabase db) throws Exception {
        Journal.Result up = Journal.retort(db, "upgrade");
        assertEquals(0, up.exit(), up::toString);
        Journal.Result check = Journal.retort(db, "check", "--format", "json");
        assertEquals(0, check.exit(), check::toString);
        assertTrue(check.out().contains("\"changed\" : false"), check::toString);

        try (TestDatabase hibernate = TestDatabase.create()) {
            createWithHibernate(hibernate);
            CatalogSnapshot expected = hibernate.snapshot();
            assertEquals(expected, db.snapshot().without("retort_version"));
        }
    }

    @Test
    @DisplayName("check exits 1 when an entity changes without a migration (a changed copy, the repository untouched)")
    void driftFailsCheck(TestDatabase db, @TempDir Path dir) throws Exception {
        Journal.Result up = Journal.retort(db, "upgrade");
        assertEquals(0, up.exit(), up::toString);
        Path classes = copyOfModelClasses(dir.resolve("classes"));
        Path source = Journal.ROOT.resolve("models/src/main/java/dev/retort/journal/model/Reminder.java");
        String changed = Files.readString(source).replace("    private boolean done;",
                "    private boolean done;\n\n    @Column(name = \"snoozed_until\")\n    private OffsetDateTime snoozedUntil;");
        assertTrue(changed.contains("snoozed_until"));
        Path copy = dir.resolve("src/dev/retort/journal/model/Reminder.java");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, changed);
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-classpath",
                classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), copy.toString());
        assertEquals(0, javac);

        Journal.Result drift = Journal.retort(db, "--classpath", classes.toString(), "check");
        assertEquals(1, drift.exit(), drift::toString);
        assertEquals("Detected added column 'reminders.snoozed_until'", drift.out().lines().findFirst().orElse(""));
        Journal.Result clean = Journal.retort(db, "check");
        assertEquals(0, clean.exit(), "the repository's own entities still agree: " + clean);
    }

    /** Lets Hibernate create the schema for the journal entities, with its own DDL. */
    private static void createWithHibernate(TestDatabase db) throws MalformedURLException {
        ClassLoader entities = new URLClassLoader(new URL[] {Journal.MODEL_CLASSES.toUri().toURL()},
                HeadTest.class.getClassLoader());
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("journal").jdbcUrl(db.url());
        config.property("jakarta.persistence.schema-generation.database.action", "create");
        config.property("hibernate.hbm2ddl.halt_on_error", "true");
        config.property("hibernate.classLoaders", List.of(entities));
        config.managedClasses(entityClasses(entities));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(entities);
        try (SessionFactory factory = config.createEntityManagerFactory()) {
            factory.getSchemaManager();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<Class<?>> entityClasses(ClassLoader entities) {
        List<Class<?>> classes = PackageScanner.classNames(entities, "dev.retort.journal.model").stream()
                .filter(name -> !name.contains("$") && !name.endsWith("package-info"))
                .<Class<?>>map(name -> {
                    try {
                        return Class.forName(name, false, entities);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(c -> c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(Embeddable.class)
                        || c.isAnnotationPresent(MappedSuperclass.class))
                .toList();
        assertEquals(12, classes.stream().filter(c -> c.isAnnotationPresent(Entity.class)).count(), classes::toString);
        return classes;
    }

    private static Path copyOfModelClasses(Path target) throws IOException {
        Path root = Journal.MODEL_CLASSES;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(root.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
