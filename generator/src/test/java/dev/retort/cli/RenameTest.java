package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Renames on purpose. The database plays the release before: the rich model at head, then task.due_at renamed to
 * deadline (its index ix_task_due to ix_task_deadline) and table label to tag_label (its sequence label_seq to
 * tag_label_seq), with rows in both. The entities, unchanged, are the release after.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("Renames on purpose")
class RenameTest {


    private static Project renamedInTheDatabase(TestDatabase db) {
        Project p = Project.create(db);
        p.writeConfigWithEntities(AutogenerateCommandTest.RICH, "");
        p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
        p.expect(0, "upgrade");
        db.execute("INSERT INTO label (id, name) VALUES (nextval('label_seq'), 'urgent')",
                "ALTER TABLE task RENAME COLUMN due_at TO deadline",
                "ALTER INDEX ix_task_due RENAME TO ix_task_deadline",
                "ALTER TABLE label RENAME TO tag_label",
                "ALTER SEQUENCE label_seq RENAME TO tag_label_seq");
        return p;
    }

    private static String source(Project p, String id) throws Exception {
        try (var files = Files.list(p.migrationsDir())) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith("V" + id)).findFirst().orElseThrow();
            return Files.readString(file);
        }
    }

    @Test
    @DisplayName("--rename and --rename-table write renames, not drops, and rename the index and sequence that follow")
    void flags(TestDatabase db) throws Exception {
        try (Project p = renamedInTheDatabase(db)) {
            CatalogSnapshot before = db.snapshot();
            Cli.Result plain = p.expect(1, "check");
            assertTrue(plain.out().contains("possible-rename"), plain.out());

            Cli.Result r = p.expect(0, "generate", "renames", "--rev-id", "bbbb00000002", "--rename",
                    "task.deadline=due_at", "--rename-table", "tag_label=label");
            assertTrue(r.err().contains("Detected renamed table 'tag_label' to 'label'")
                    && r.err().contains("Detected renamed column 'task.deadline' to 'due_at'"), r.err());
            String code = source(p, "bbbb00000002");
            assertTrue(code.contains("op.renameTable(\"tag_label\", \"label\");")
                    && code.contains("op.renameColumn(\"task\", \"deadline\", \"due_at\");")
                    && code.contains("op.renameIndex(\"task\", \"ix_task_deadline\", \"ix_task_due\");")
                    && code.contains("op.renameSequence(\"tag_label_seq\", \"label_seq\");"), code);
            assertFalse(code.contains("dropTable") || code.contains("dropColumn") || code.contains("createTable")
                    || code.contains("createIndex") || code.contains("possible-rename"), code);

            p.expect(0, "upgrade");
            assertEquals("No changes detected.\n", p.expect(0, "check").out());
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, nextval('label_seq') > 1 FROM label")) {
                assertTrue(rs.next());
                assertEquals("urgent", rs.getString(1), "the row survived the rename");
                assertTrue(rs.getBoolean(2), "the sequence kept its value");
            }
            p.expect(0, "downgrade", "-1");
            assertEquals(before, db.snapshot(), "the downgrade renames everything back");
        }
    }

    @Test
    @DisplayName("refuses a rename that does not match the two sides, naming the option")
    void refusesWrongRenames(TestDatabase db) {
        try (Project p = renamedInTheDatabase(db)) {
            Cli.Result missing = p.expect(2, "generate", "x", "--rename", "task.nope=due_at");
            assertTrue(missing.err().contains("--rename task.nope=due_at: the database's table task has no column nope."),
                    missing.err());
            Cli.Result shape = p.expect(2, "generate", "x", "--rename", "deadline=due_at");
            assertTrue(shape.err().contains("--rename takes TABLE.OLD=NEW"), shape.err());
            Cli.Result table = p.expect(2, "generate", "x", "--rename-table", "tag_label=labels");
            assertTrue(table.err().contains("the entities have no table labels"), table.err());
            assertEquals(List.of(p.migrationsDir().resolve("Vaaaa00000001_baseline.java")), p.migrationFiles(),
                    "nothing was written");
        }
    }

    @Test
    @DisplayName("asks on a terminal, as makemigrations does, and a yes writes the rename")
    void asksOnATerminal(TestDatabase db) throws Exception {
        try (Project p = renamedInTheDatabase(db)) {
            List<String> java = new ArrayList<>(AtomicityTest.javaCommand("--config", p.config().toString(), "generate",
                    "answered", "--rev-id", "cccc00000003"));
            String command = String.join(" ", java.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
            Process script = new ProcessBuilder("script", "-qec", command, "/dev/null").directory(p.root().toFile())
                    .redirectErrorStream(true).start();
            try (OutputStream in = script.getOutputStream()) {
                in.write("y\nn\n".getBytes(StandardCharsets.UTF_8)); // yes to the table, no to the column
            }
            assertTrue(script.waitFor(120, TimeUnit.SECONDS));
            String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, script.exitValue(), output);
            assertTrue(output.contains("Did you rename table tag_label to label? [y/N]"), output);
            assertTrue(output.contains("Did you rename task.deadline to task.due_at (timestamp(6)) [y/N]")
                    || output.contains("Did you rename task.deadline to task.due_at ("), output);
            String code = source(p, "cccc00000003");
            assertTrue(code.contains("op.renameTable(\"tag_label\", \"label\");"), code);
            assertFalse(code.contains("\n        op.renameColumn("), "no to the column: " + code);
            assertTrue(code.contains("possible-rename"), "the column stays a warning: " + code);
        }
    }
}
