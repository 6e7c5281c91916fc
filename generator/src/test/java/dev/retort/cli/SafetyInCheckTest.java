package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lint in generate (what it writes) and check (the revisions after lint.since / --lint-since), and the data warnings of both. */
@ExtendWith(FreshDatabase.class)
@DisplayName("Lint and data warnings in generate and check")
class SafetyInCheckTest {


    /** A baseline at head, then the index ix_task_due dropped from the database: generate writes it back. */
    private static Project withMissingIndex(TestDatabase db) {
        Project p = Project.create(db);
        p.writeConfigWithEntities(AutogenerateCommandTest.RICH, "");
        p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
        p.expect(0, "upgrade");
        db.execute("DROP INDEX ix_task_due");
        return p;
    }

    @Test
    @DisplayName("generate reports the findings of what it wrote on stderr, and still exits 0")
    void generateReports(TestDatabase db) {
        try (Project p = withMissingIndex(db)) {
            Cli.Result r = p.expect(0, "generate", "index due dates", "--rev-id", "bbbb00000002");
            assertTrue(r.out().startsWith("Generating ") && r.out().endsWith("Vbbbb00000002_index_due_dates.java ... "
                    + "done\n"), r.out());
            List<String> lint = r.err().lines().dropWhile(l -> !l.startsWith("Lint:")).toList();
            assertEquals(List.of("Lint: 2 errors, 0 warnings in what was written:",
                    "  error missing-lock-timeout: the revision locks the existing table task with no lock_timeout "
                            + "set before (docs/lint.md#missing-lock-timeout)",
                    "  error index-not-concurrent: CREATE INDEX ix_task_due on the existing table task without "
                            + "CONCURRENTLY (docs/lint.md#index-not-concurrent)",
                    "Run 'retort lint bbbb00000002' for why and the safe form; accept a finding on purpose with "
                            + "@Revision(lint = @Allow(rule = \"...\", reason = \"...\"))."), lint, r::toString);
            assertEquals(1, p.expect(1, "lint", "bbbb").exit(), "the written file lints the same");
        }
    }

    @Test
    @DisplayName("check lints the revisions after lint.since or --lint-since, failing on errors; without either it does not lint")
    void checkLints(TestDatabase db) throws Exception {
        try (Project p = withMissingIndex(db)) {
            p.expect(0, "generate", "index due dates", "--rev-id", "bbbb00000002");
            p.expect(0, "upgrade");
            assertEquals("No changes detected.\n", p.expect(0, "check").out(), "no lint without lint.since");

            Cli.Result r = p.expect(1, "check", "--lint-since", "aaaa00000001");
            assertTrue(r.out().startsWith("No changes detected.\n\nbbbb00000002, index due dates ("), r.out());
            assertTrue(r.out().contains("  error index-not-concurrent: CREATE INDEX ix_task_due")
                    && r.out().endsWith("2 errors, 0 warnings in 1 revision. Fix them, or accept one on purpose with "
                    + "@Revision(lint = @Allow(rule = \"...\", reason = \"...\")).\n"), r.out());
            assertEquals(0, p.expect(0, "check", "--lint-since", "bbbb00000002").exit(), "nothing after the head");

            Cli.Result json = p.expect(1, "check", "--format", "json", "--lint-since", "base");
            JsonNode root = new ObjectMapper().readTree(json.out());
            assertEquals(false, root.get("changed").asBoolean());
            assertEquals(2, root.get("lint").get("errors").asInt());
            assertEquals(2, root.get("lint").get("revisions").asInt());

            Cli.Result md = p.expect(1, "check", "--format", "markdown", "--lint-since", "aaaa");
            assertTrue(md.out().startsWith("### Retort check: no changes\n") && md.out().contains(
                    "\n### Retort lint: 2 errors, 0 warnings in 1 revision\n"), md.out());

            p.writeConfig(java.nio.file.Files.readString(p.config()) + "lint:\n  since: aaaa00000001\n  rules:\n    index-not-concurrent: warning\n"
                    + "    missing-lock-timeout: off\n");
            Cli.Result configured = p.expect(0, "check");
            assertTrue(configured.out().contains("  warning index-not-concurrent:")
                    && configured.out().endsWith("0 errors, 1 warning in 1 revision.\n"), configured.out());
        }
    }

    @Test
    @DisplayName("check and generate say what the data will do, unless --no-data-checks")
    void dataWarnings(TestDatabase db) {
        try (Project p = Project.create(db)) {
            p.writeConfigWithEntities(AutogenerateCommandTest.RICH, "");
            p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            p.expect(0, "upgrade");
            db.execute("ALTER TABLE label ALTER COLUMN name DROP NOT NULL",
                    "INSERT INTO label (id, name) VALUES (1, NULL), (2, NULL), (3, 'kept')");
            Cli.Result check = p.expect(1, "check");
            assertTrue(check.out().contains("WARNING (data-nulls): label.name: 2 rows are NULL; SET NOT NULL will fail "
                    + "on this database."), check.out());
            assertTrue(!check.out().contains("kept"), "no row contents");
            Cli.Result quiet = p.expect(1, "check", "--no-data-checks");
            assertTrue(!quiet.out().contains("data-nulls") && quiet.out().contains("not-null-without-default"),
                    quiet.out());
            Cli.Result generate = p.expect(0, "generate", "name required", "--rev-id", "bbbb00000002");
            assertTrue(generate.err().contains("WARNING (data-nulls): label.name: 2 rows are NULL"), generate.err());
        }
    }

    @Test
    @DisplayName("generate --online writes the index concurrently, outside a transaction, under a lock_timeout; lint finds nothing")
    void onlineIndex(TestDatabase db) throws Exception {
        try (Project p = withMissingIndex(db)) {
            db.execute("ALTER TABLE label DROP CONSTRAINT " + uniqueOnLabelName(db),
                    "ALTER TABLE task ALTER COLUMN title DROP NOT NULL");
            Cli.Result r = p.expect(0, "generate", "online", "--rev-id", "bbbb00000002", "--online");
            assertTrue(r.err().contains("Online: 2 revisions, to deploy in order: one transaction, outside a "
                    + "transaction"), r.err());
            assertTrue(!r.err().contains("Lint:"), "nothing for lint to find: " + r.err());
            String one = java.nio.file.Files.readString(p.migrationsDir().resolve("Vbbbb00000002_1_online_1_of_2.java"));
            String two = java.nio.file.Files.readString(p.migrationsDir().resolve("Vbbbb00000002_2_online_2_of_2.java"));
            assertTrue(one.contains("op.execute(\"SET LOCAL lock_timeout = '5000ms'\");")
                    && one.contains("op.addConstraintNotValid(\"task\", CheckConstraint.of(\"task_title_not_null\", "
                    + "\"title IS NOT NULL\"));") && !one.contains("transactional = false"), one);
            assertTrue(two.contains("transactional = false") && two.contains("op.execute(\"SET lock_timeout = '5000ms'\");")
                    && two.contains("op.createIndexConcurrently(\"task\", Index.of(\"ix_task_due\"")
                    && two.contains("op.validateConstraint(\"task\", \"task_title_not_null\");")
                    && two.contains(".nullable(true, false));")
                    && two.contains("op.addConstraintUsingIndex(\"label\"")
                    && two.contains("op.execute(\"RESET lock_timeout\");"), two);
            p.expect(0, "upgrade");
            assertEquals("No changes detected.\n", p.expect(0, "check").out());
            assertEquals(0, p.expect(0, "lint", "bbbb00000002_1:").exit());
            p.expect(0, "downgrade", "aaaa00000001");
            try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT count(*) FROM pg_indexes WHERE indexname IN ('ix_task_due', 'label_name_key')")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the downgrade took the index and the key away again");
            }
        }
    }

    @Test
    @DisplayName("generate --online refuses a change with no safe form for one deploy, with the steps, writing nothing")
    void onlineRefuses(TestDatabase db) {
        try (Project p = Project.create(db)) {
            p.writeConfigWithEntities(AutogenerateCommandTest.RICH, "");
            p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            p.expect(0, "upgrade");
            db.execute("ALTER TABLE task RENAME COLUMN due_at TO deadline");
            Cli.Result r = p.expect(2, "generate", "x", "--online", "--rename", "task.deadline=due_at");
            assertTrue(r.err().contains("generate --online writes only lock-safe migrations, and this change has no "
                    + "safe form for one deploy; nothing was written. (1) rename column task.deadline to due_at: the "
                    + "release still running during the deploy uses the old name. Expand and contract instead"), r.err());
            assertEquals(1, p.migrationFiles().size(), "only the baseline");
        }
    }

    private static String uniqueOnLabelName(TestDatabase db) throws Exception {
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT conname FROM "
                + "pg_constraint WHERE conrelid = 'label'::regclass AND contype = 'u'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
