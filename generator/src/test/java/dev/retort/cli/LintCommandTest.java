package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code retort lint} from the command line, on migration sources compiled as the other commands compile them. */
@DisplayName("retort lint")
class LintCommandTest {

    static final String R1 = "a1a1a1a1a1a1";
    static final String R2 = "b2b2b2b2b2b2";
    static final String R3 = "c3c3c3c3c3c3";

    /** R1 creates users and its index (safe: new table); R2 indexes it (unsafe); R3 does it safely. */
    static void chain(Project p, String r2Annotation) {
        p.migration(R1, List.of(), "create users", """
                op.createTable("users", Column.of("id", "bigint").notNull(), Column.of("email", "text"),
                        PrimaryKey.of("users_pkey", "id"));
                op.createIndex("users", "ix_users_id_email", "id", "email");""", "op.dropTable(\"users\");");
        p.write(p.migrationsDir().resolve("V" + R2 + ".java"), """
                package %s;

                import dev.retort.migration.*;

                @Revision(id = "%s", parent = "%s", message = "index emails"%s)
                public final class V%s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        op.execute("SET LOCAL lock_timeout = '5s'");
                        op.createIndex("users", "ix_users_email", "email");
                    }

                    @Override
                    public void downgrade(Operations op) {
                        op.dropIndex("users", "ix_users_email");
                    }
                }
                """.formatted(Project.PACKAGE, R2, R1, r2Annotation, R2));
        p.write(p.migrationsDir().resolve("V" + R3 + ".java"), """
                package %s;

                import dev.retort.migration.*;
                import dev.retort.schema.*;

                @Revision(id = "%s", parent = "%s", message = "index ids", transactional = false)
                public final class V%s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        op.execute("SET lock_timeout = '5s'");
                        op.createIndexConcurrently("users", Index.of("ix_users_id", "id"));
                        op.execute("RESET lock_timeout");
                    }

                    @Override
                    public void downgrade(Operations op) {
                        op.dropIndexConcurrently("users", "ix_users_id");
                    }
                }
                """.formatted(Project.PACKAGE, R3, R2, R3));
    }

    @Test
    @DisplayName("reports an unsafe revision with the rule, the statement, why and the safe form, and exits 1")
    void reportsAndFails() {
        try (Project p = Project.withoutDatabase()) {
            chain(p, "");
            Cli.Result r = p.run("lint");
            assertEquals(1, r.exit(), r::toString);
            assertEquals("", r.err());
            List<String> lines = r.out().lines().toList();
            assertTrue(lines.get(0).startsWith(R2 + ", index emails (") && lines.get(0).endsWith("V" + R2 + ".java)"),
                    r.out());
            assertEquals("  error index-not-concurrent: CREATE INDEX ix_users_email on the existing table users without "
                    + "CONCURRENTLY.", lines.get(1));
            assertEquals("    at: create index ix_users_email on users [email]", lines.get(2));
            assertTrue(lines.get(3).startsWith("    why: CREATE INDEX takes a SHARE lock"), r.out());
            assertTrue(lines.get(4).startsWith("    instead: op.createIndexConcurrently") && lines.get(4)
                    .endsWith("See docs/lint.md#index-not-concurrent"), r.out());
            assertEquals("1 error, 0 warnings in 3 revisions. Fix them, or accept one on purpose with "
                    + "@Revision(lint = @Allow(rule = \"...\", reason = \"...\")).", lines.get(5));
            assertEquals(6, lines.size(), r.out());
        }
    }

    @Test
    @DisplayName("lints one revision or a range, and exits 0 when nothing is found")
    void selection() {
        try (Project p = Project.withoutDatabase()) {
            chain(p, "");
            Cli.Result safe = p.run("lint", "c3c3");
            assertEquals(0, safe.exit(), safe::toString);
            assertEquals("No lint findings: 0 errors, 0 warnings in 1 revision.\n", safe.out());
            assertEquals(0, p.run("lint", "base:" + R1).exit());
            assertEquals(1, p.run("lint", R2 + ":head").exit());
            Cli.Result unknown = p.run("lint", "ffff");
            assertEquals(2, unknown.exit(), unknown::toString);
            assertTrue(unknown.err().contains("ffff"), unknown.err());
        }
    }

    @Test
    @DisplayName("accepts a finding allowed with a reason: exit 0, and --verbose shows it with its reason")
    void allowed() throws Exception {
        try (Project p = Project.withoutDatabase()) {
            chain(p, ", lint = @Allow(rule = \"index-not-concurrent\", object = \"ix_users_email\", "
                    + "reason = \"users has 40 rows\")");
            Cli.Result r = p.run("lint");
            assertEquals(0, r.exit(), r::toString);
            assertEquals("No lint findings: 0 errors, 0 warnings in 3 revisions (1 allowed on purpose).\n", r.out());
            Cli.Result verbose = p.run("lint", "--verbose");
            assertTrue(verbose.out().contains("  allowed index-not-concurrent: CREATE INDEX ix_users_email")
                    && verbose.out().contains("    allowed because: users has 40 rows"), verbose.out());
            JsonNode json = new ObjectMapper().readTree(p.run("lint", "--format", "json").out());
            assertEquals(0, json.get("errors").asInt());
            assertEquals(1, json.get("allowed").asInt());
            assertEquals("users has 40 rows", json.get("findings").get(0).get("allowed_because").asText());
        }
    }

    @Test
    @DisplayName("gives JSON and Markdown with stable fields, escaped for a pull-request comment")
    void formats() throws Exception {
        try (Project p = Project.withoutDatabase()) {
            chain(p, "");
            Cli.Result r = p.run("lint", "--format", "json");
            assertEquals(1, r.exit());
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertEquals(1, json.get("errors").asInt());
            assertEquals(3, json.get("revisions").asInt());
            JsonNode f = json.get("findings").get(0);
            List<String> fields = new ArrayList<>();
            f.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("rule", "level", "revision", "file", "object", "statement", "message", "why",
                    "safe_form", "doc"), fields);
            assertEquals("index-not-concurrent", f.get("rule").asText());
            assertEquals("ix_users_email", f.get("object").asText());
            assertEquals(R2, f.get("revision").asText());

            Cli.Result md = p.run("lint", "--format", "markdown");
            assertEquals(1, md.exit());
            assertTrue(md.out().startsWith("### Retort lint: 1 error, 0 warnings in 3 revisions\n\n| Level | Rule |"),
                    md.out());
            assertTrue(md.out().contains("| error | [`index-not-concurrent`](docs/lint.md#index-not-concurrent) | "
                    + R2 + " | `create index ix_users_email on users [email]` |"), md.out());
        }
    }

    @Test
    @DisplayName("takes rule levels from retort.yaml, and refuses an unknown rule or level naming the file")
    void configuredLevels() {
        try (Project p = Project.withoutDatabase()) {
            chain(p, "");
            String base = """
                    migrations:
                      directory: migrations
                      package: %s
                    """.formatted(Project.PACKAGE);
            p.writeConfig(base + "lint:\n  rules:\n    index-not-concurrent: warning\n    prefer-text: error\n");
            Cli.Result r = p.run("lint");
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("  warning index-not-concurrent:")
                    && r.out().endsWith("0 errors, 1 warning in 3 revisions.\n"), r.out());

            p.writeConfig(base + "lint:\n  rules:\n    index-not-concurent: off\n");
            Cli.Result typo = p.run("lint");
            assertEquals(2, typo.exit(), typo::toString);
            assertTrue(typo.err().contains("retort.yaml") && typo.err().contains("'index-not-concurent', which is "
                    + "not a lint rule") && typo.err().contains("index-not-concurrent"), typo.err());

            p.writeConfig(base + "lint:\n  rules:\n    drop-table: maybe\n");
            Cli.Result level = p.run("lint");
            assertEquals(2, level.exit(), level::toString);
            assertTrue(level.err().contains("lint.rules.drop-table is 'maybe'; give error, warning or off"),
                    level.err());
            assertFalse(level.out().contains("drop-table"));
        }
    }
}
