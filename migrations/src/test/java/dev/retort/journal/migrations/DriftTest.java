package dev.retort.journal.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI check in miniature: an entity changed without a migration fails {@code retort check}. (The head against
 * Hibernate's own schema is the kit's {@code headMatchesHibernate}, in {@link JournalMigrationsTest}.)
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("Drift")
class DriftTest {

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
