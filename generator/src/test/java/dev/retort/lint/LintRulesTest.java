package dev.retort.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.migration.Allow;
import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every rule fires on the unsafe form of its change and stays quiet on the safe one, written with typed operations
 * and as SQL given to op.execute. Each case is two revisions: s1 creates users (id, email varchar(200), name, org_id)
 * and orgs; c2, the one linted, makes the change.
 */
@DisplayName("The lint rules")
class LintRulesTest {

    static final String LOCK = "SET LOCAL lock_timeout = '5s'";

    static Consumer<Operations> setup = LintRulesTest::tables;
    static Consumer<Operations> change = op -> { };

    static void tables(Operations op) {
        op.createTable("orgs", Column.of("id", "bigint").notNull(), PrimaryKey.of("orgs_pkey", "id"));
        op.createTable("users", Column.of("id", "bigint").notNull(), Column.of("email", "varchar(200)"),
                Column.of("name", "text"), Column.of("org_id", "bigint"), PrimaryKey.of("users_pkey", "id"));
    }

    public static final class Setup implements Migration {
        @Override
        public void upgrade(Operations op) {
            setup.accept(op);
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    public static class Change implements Migration {
        @Override
        public void upgrade(Operations op) {
            change.accept(op);
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "c2", parent = "s1", transactional = false)
    public static final class NonTransactional extends Change {
    }

    @Revision(id = "c2", parent = "s1", lint = {
        @Allow(rule = "index-not-concurrent", reason = "users is empty until the feature ships"),
        @Allow(rule = "drop-column", object = "users.name", reason = "unmapped since release 41")})
    public static final class Allowed extends Change {
    }

    @Revision(id = "c2", parent = "s1", lint = @Allow(rule = "no-such-rule", reason = "typo"))
    public static final class UnknownRule extends Change {
    }

    @Revision(id = "c2", parent = "s1", lint = @Allow(rule = "drop-table", reason = " "))
    public static final class NoReason extends Change {
    }

    static LoadedRevision revision(String id, Class<? extends Migration> type, String... parents) {
        Revision r = type.getAnnotation(Revision.class);
        return new LoadedRevision(id, List.of(parents), type.getSimpleName(), List.of(), "", type.getName(), type,
                r == null || r.transactional());
    }

    static List<Finding> lint(Class<? extends Change> type, Map<LintRule, LintRule.Level> levels,
                              Consumer<Operations> body) {
        change = body;
        try {
            RevisionGraph graph = RevisionGraph.of(List.of(revision("s1", Setup.class),
                    revision("c2", type, "s1")));
            return new Linter(dev.retort.platform.Platform.postgres().dialect(), levels, false).lint(graph, List.of("c2")).findings();
        } finally {
            change = op -> { };
            setup = LintRulesTest::tables;
        }
    }

    static List<Finding> lint(Consumer<Operations> body) {
        return lint(Change.class, Map.of(), body);
    }

    /** The ids of the rules that found something not allowed. */
    static List<String> rules(List<Finding> findings) {
        return findings.stream().filter(f -> !f.allowed()).map(f -> f.rule().id()).distinct().toList();
    }

    static void assertFires(String rule, Consumer<Operations> body) {
        List<Finding> findings = lint(body);
        assertTrue(rules(findings).contains(rule), () -> rule + " should fire: " + findings);
    }

    static void assertQuiet(String rule, Consumer<Operations> body) {
        List<Finding> findings = lint(body);
        assertFalse(rules(findings).contains(rule), () -> rule + " should not fire: " + findings);
    }

    @Nested
    @DisplayName("index-not-concurrent")
    class IndexNotConcurrent {
        @Test
        @DisplayName("fires on CREATE / DROP INDEX on an existing table, typed or in SQL")
        void fires() {
            assertFires("index-not-concurrent", op -> op.createIndex("users", "ix_users_email", "email"));
            assertFires("index-not-concurrent", op -> op.execute("CREATE INDEX ix_users_email ON users (email)"));
            assertFires("index-not-concurrent", op -> op.dropIndex("users", "users_pkey"));
            assertFires("index-not-concurrent", op -> op.execute("DROP INDEX ix_users_email"));
        }

        @Test
        @DisplayName("is quiet on CONCURRENTLY, and on a table the revision creates")
        void quietOnSafe() {
            assertQuiet("index-not-concurrent", op -> op.createIndexConcurrently("users", Index.of("ix", "email")));
            assertQuiet("index-not-concurrent", op -> op.execute("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON "
                    + "users USING btree (email) WHERE email IS NOT NULL"));
            assertQuiet("index-not-concurrent", op -> op.dropIndexConcurrently("users", "ix"));
            assertQuiet("index-not-concurrent", op -> op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix"));
            assertQuiet("index-not-concurrent", op -> {
                op.createTable("tags", Column.of("id", "bigint"), Column.of("name", "text"));
                op.createIndex("tags", "ix_tags_name", "name");
            });
        }
    }

    @Nested
    @DisplayName("constraint-not-valid")
    class ConstraintNotValid {
        @Test
        @DisplayName("fires on a foreign key or check added in one step, and on NOT VALID validated in the same "
                + "transaction")
        void fires() {
            assertFires("constraint-not-valid", op -> op.createForeignKey("users",
                    ForeignKey.of("fk_users_org", "org_id", "orgs", "id")));
            assertFires("constraint-not-valid", op -> op.addConstraint("users", new CheckConstraint("ck_email",
                    "email <> ''")));
            assertFires("constraint-not-valid", op -> op.execute("ALTER TABLE users ADD CONSTRAINT fk_users_org "
                    + "FOREIGN KEY (org_id) REFERENCES orgs (id)"));
            List<Finding> same = lint(op -> op.execute("ALTER TABLE users ADD CONSTRAINT ck_email CHECK (email "
                    + "<> '') NOT VALID; ALTER TABLE users VALIDATE CONSTRAINT ck_email"));
            assertEquals(List.of("constraint-not-valid"), rules(same).stream()
                    .filter(r -> !r.equals("missing-lock-timeout")).toList(), same::toString);
            assertTrue(same.stream().anyMatch(f -> f.detail().contains("same transaction")), same::toString);
        }

        @Test
        @DisplayName("is quiet on NOT VALID, validated outside the transaction that added it")
        void quietOnSafe() {
            assertQuiet("constraint-not-valid", op -> op.execute("ALTER TABLE users ADD CONSTRAINT fk_users_org FOREIGN "
                    + "KEY (org_id) REFERENCES orgs (id) NOT VALID"));
            assertQuiet("constraint-not-valid", op -> op.execute("ALTER TABLE users VALIDATE CONSTRAINT fk_users_org"));
            List<Finding> apart = lint(NonTransactional.class, Map.of(), op -> op.execute("ALTER TABLE users ADD "
                    + "CONSTRAINT ck_email CHECK (email <> '') NOT VALID; ALTER TABLE users VALIDATE CONSTRAINT "
                    + "ck_email"));
            assertFalse(rules(apart).contains("constraint-not-valid"), apart::toString);
        }
    }

    @Nested
    @DisplayName("set-not-null")
    class SetNotNull {
        @Test
        @DisplayName("fires on SET NOT NULL of an existing column")
        void fires() {
            assertFires("set-not-null", op -> op.setNotNull("users", "name"));
            assertFires("set-not-null", op -> op.execute("ALTER TABLE users ALTER COLUMN name SET NOT NULL"));
        }

        @Test
        @DisplayName("is quiet once an earlier revision validated CHECK (name IS NOT NULL)")
        void quietAfterValidatedCheck() {
            setup = op -> {
                tables(op);
                op.execute("ALTER TABLE users ADD CONSTRAINT ck_users_name_nn CHECK (name IS NOT NULL) NOT VALID");
                op.execute("ALTER TABLE users VALIDATE CONSTRAINT ck_users_name_nn");
            };
            assertQuiet("set-not-null", op -> op.setNotNull("users", "name"));
            setup = op -> {
                tables(op);
                op.execute("ALTER TABLE users ADD CONSTRAINT ck_users_name_nn CHECK (\"name\" IS NOT NULL) NOT VALID");
            };
            assertFires("set-not-null", op -> op.setNotNull("users", "name")); // never validated
        }
    }

    @Nested
    @DisplayName("type-change-rewrite")
    class TypeChangeRewrite {
        @Test
        @DisplayName("fires on a change that rewrites, or whose type before is unknown")
        void fires() {
            assertFires("type-change-rewrite", op -> op.alterColumn("users", Column.of("email", "varchar(200)"),
                    Column.of("email", "varchar(100)")));
            assertFires("type-change-rewrite", op -> op.alterColumn("users", Column.of("org_id", "bigint"),
                    Column.of("org_id", "integer")));
            assertFires("type-change-rewrite", op -> op.execute("ALTER TABLE users ALTER COLUMN email TYPE text"));
            assertFires("type-change-rewrite", op -> op.alterColumnType("users", "org_id", "text"));
        }

        @Test
        @DisplayName("is quiet on widening a varchar, to text, or dropping a length")
        void quietOnSafe() {
            assertQuiet("type-change-rewrite", op -> op.alterColumn("users", Column.of("email", "varchar(200)"),
                    Column.of("email", "varchar(320)")));
            assertQuiet("type-change-rewrite", op -> op.alterColumn("users", Column.of("email", "character varying(200)"),
                    Column.of("email", "text")));
            assertQuiet("type-change-rewrite", op -> op.alterColumn("users", Column.of("email", "varchar(200)"),
                    Column.of("email", "varchar")));
        }

        @Test
        @DisplayName("knows which changes rewrite")
        void rewrites() {
            assertFalse(Linter.rewrites("numeric(10,2)", "numeric(12, 2)", false));
            assertTrue(Linter.rewrites("numeric(10,2)", "numeric(12,3)", false));
            assertFalse(Linter.rewrites("numeric(10,2)", "numeric", false));
            assertTrue(Linter.rewrites("varchar(20)", "varchar(30)", true), "a USING expression rewrites");
            assertTrue(Linter.rewrites("integer", "bigint", false));
            assertFalse(Linter.rewrites("int4", "integer", false));
        }
    }

    @Nested
    @DisplayName("volatile-default")
    class VolatileDefault {
        @Test
        @DisplayName("fires on a new column with a volatile default or an identity")
        void fires() {
            assertFires("volatile-default", op -> op.addColumn("users", Column.of("token", "uuid")
                    .withDefault("gen_random_uuid()")));
            assertFires("volatile-default", op -> op.execute("ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT "
                    + "clock_timestamp()"));
            assertFires("volatile-default", op -> op.execute("ALTER TABLE users ADD COLUMN n bigserial"));
        }

        @Test
        @DisplayName("is quiet on a constant or now(), and on a new table")
        void quietOnSafe() {
            assertQuiet("volatile-default", op -> op.addColumn("users", Column.of("plan", "text").withDefault("'free'")));
            assertQuiet("volatile-default", op -> op.execute("ALTER TABLE users ADD COLUMN created_at timestamptz "
                    + "DEFAULT now() NOT NULL"));
            assertQuiet("volatile-default", op -> op.createTable("tokens", Column.of("id", "uuid")
                    .withDefault("gen_random_uuid()")));
        }
    }

    @Nested
    @DisplayName("unique-constraint-direct")
    class UniqueConstraintDirect {
        @Test
        @DisplayName("fires on ADD UNIQUE / PRIMARY KEY on an existing table")
        void fires() {
            assertFires("unique-constraint-direct", op -> op.createUniqueConstraint("users", "uq_users_email", "email"));
            assertFires("unique-constraint-direct", op -> op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_email "
                    + "UNIQUE (email)"));
        }

        @Test
        @DisplayName("is quiet on ADD CONSTRAINT ... USING INDEX")
        void quietOnSafe() {
            assertQuiet("unique-constraint-direct", op -> op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_email "
                    + "UNIQUE USING INDEX ix_users_email"));
        }
    }

    @Nested
    @DisplayName("drop-table, drop-column, rename-table, rename-column")
    class DropsAndRenames {
        @Test
        @DisplayName("fire on what the previous release may still use")
        void fire() {
            assertFires("drop-table", op -> op.dropTable("orgs"));
            assertFires("drop-table", op -> op.execute("DROP TABLE orgs"));
            assertFires("drop-column", op -> op.dropColumn("users", "name"));
            assertFires("drop-column", op -> op.execute("ALTER TABLE users DROP COLUMN name"));
            assertFires("rename-table", op -> op.renameTable("orgs", "organizations"));
            assertFires("rename-table", op -> op.execute("ALTER TABLE orgs RENAME TO organizations"));
            assertFires("rename-column", op -> op.renameColumn("users", "name", "full_name"));
            assertFires("rename-column", op -> op.execute("ALTER TABLE users RENAME COLUMN name TO full_name"));
        }

        @Test
        @DisplayName("are quiet on what the same revision created")
        void quietOnNew() {
            assertQuiet("drop-table", op -> {
                op.createTable("scratch", Column.of("id", "bigint"));
                op.dropTable("scratch");
            });
            assertQuiet("drop-column", op -> {
                op.addColumn("users", Column.of("tmp", "text"));
                op.dropColumn("users", "tmp");
            });
        }
    }

    @Nested
    @DisplayName("missing-lock-timeout")
    class MissingLockTimeout {
        @Test
        @DisplayName("fires once on a revision that locks an existing table without lock_timeout first")
        void fires() {
            List<Finding> findings = lint(op -> {
                op.addColumn("users", Column.of("plan", "text"));
                op.setDefault("users", "plan", "'free'");
                op.execute(LOCK);
            });
            assertEquals(1, findings.stream().filter(f -> f.rule() == LintRule.MISSING_LOCK_TIMEOUT).count(),
                    findings::toString);
        }

        @Test
        @DisplayName("is quiet with SET LOCAL lock_timeout first, on new tables only, and on concurrent builds")
        void quietOnSafe() {
            assertQuiet("missing-lock-timeout", op -> {
                op.execute(LOCK);
                op.addColumn("users", Column.of("plan", "text"));
            });
            assertQuiet("missing-lock-timeout", op -> {
                op.execute("SET lock_timeout TO '2s'");
                op.addColumn("users", Column.of("plan", "text"));
            });
            assertQuiet("missing-lock-timeout", op -> op.createTable("tags", Column.of("id", "bigint")));
            assertQuiet("missing-lock-timeout", op -> op.createIndexConcurrently("users", Index.of("ix", "email")));
        }
    }

    @Nested
    @DisplayName("transaction-end")
    class TransactionEnd {
        @Test
        @DisplayName("fires on COMMIT or ROLLBACK in a transactional revision, not in a non-transactional one")
        void fires() {
            assertFires("transaction-end", op -> op.execute("UPDATE users SET name = 'x'; COMMIT"));
            assertFires("transaction-end", op -> op.execute("ROLLBACK"));
            assertQuiet("transaction-end", op -> op.execute("ROLLBACK TO SAVEPOINT before_update"));
            List<Finding> outside = lint(NonTransactional.class, Map.of(), op -> op.execute("COMMIT"));
            assertFalse(rules(outside).contains("transaction-end"), outside::toString);
        }
    }

    @Nested
    @DisplayName("unparsed-sql")
    class UnparsedSql {
        @Test
        @DisplayName("warns about SQL the parser cannot read, and reads DML and functions")
        void warns() {
            List<Finding> findings = lint(op -> op.execute("SELEC 1 FORM users"));
            Finding f = findings.stream().filter(x -> x.rule() == LintRule.UNPARSED_SQL).findFirst().orElseThrow();
            assertEquals(LintRule.Level.WARNING, f.level());
            assertTrue(f.detail().contains("JSqlParser"), f.detail());
            assertEquals("SELEC 1 FORM users", f.statement());
            assertQuiet("unparsed-sql", op -> op.execute("UPDATE users SET name = lower(name) WHERE name <> lower(name)"));
            assertQuiet("unparsed-sql", op -> op.execute("INSERT INTO orgs (id) SELECT DISTINCT org_id FROM users "
                    + "WHERE org_id IS NOT NULL ON CONFLICT DO NOTHING"));
        }
    }

    @Nested
    @DisplayName("the style rules")
    class Style {
        static final Consumer<Operations> TABLE = op -> op.createTable("events",
                Column.of("id", "integer").notNull(), Column.of("at", "timestamp(6)"), Column.of("kind", "varchar(20)"),
                PrimaryKey.of("events_pkey", "id"));

        @Test
        @DisplayName("are off by default")
        void offByDefault() {
            assertEquals(List.of(), lint(TABLE));
        }

        @Test
        @DisplayName("fire when retort.yaml turns them on")
        void onWhenConfigured() {
            List<Finding> findings = lint(Change.class, Map.of(LintRule.PREFER_BIGINT_PK, LintRule.Level.ERROR,
                    LintRule.PREFER_TIMESTAMPTZ, LintRule.Level.WARNING, LintRule.PREFER_TEXT,
                    LintRule.Level.WARNING), TABLE);
            assertEquals(List.of("prefer-bigint-pk events.id ERROR", "prefer-timestamptz events.at WARNING",
                    "prefer-text events.kind WARNING"), findings.stream()
                    .map(f -> f.rule().id() + " " + f.object() + " " + f.level()).toList());
            List<Finding> sql = lint(Change.class, Map.of(LintRule.PREFER_BIGINT_PK, LintRule.Level.ERROR),
                    op -> op.execute("CREATE TABLE events (id serial PRIMARY KEY, at timestamptz)"));
            assertEquals(List.of("prefer-bigint-pk"), rules(sql));
        }
    }

    @Nested
    @DisplayName("allowances")
    class Allowances {
        @Test
        @DisplayName("@Allow accepts a rule in the revision, or only for its object, with the reason kept")
        void annotation() {
            List<Finding> findings = lint(Allowed.class, Map.of(), op -> {
                op.execute(LOCK);
                op.createIndex("users", "ix_users_email", "email");
                op.dropColumn("users", "name");
                op.dropColumn("users", "email");
            });
            assertEquals(List.of("drop-column users.email"), findings.stream().filter(f -> !f.allowed())
                    .map(f -> f.rule().id() + " " + f.object()).toList(), findings::toString);
            assertEquals(List.of("users is empty until the feature ships", "unmapped since release 41"),
                    findings.stream().filter(Finding::allowed).map(Finding::allowedBecause).toList());
        }

        @Test
        @DisplayName("a retort:allow comment accepts the statement after it, only with a reason")
        void inlineComment() {
            List<Finding> findings = lint(op -> op.execute(LOCK + ";\n-- retort:allow index-not-concurrent: "
                    + "built in the maintenance window\nCREATE INDEX ix_a ON users (email);\n"
                    + "CREATE INDEX ix_b ON users (name);\n-- retort:allow drop-table\nDROP TABLE orgs"));
            assertEquals(List.of("index-not-concurrent ix_a allowed", "index-not-concurrent ix_b open",
                    "drop-table orgs open"), findings.stream().map(f -> f.rule().id() + " " + f.object() + " "
                    + (f.allowed() ? "allowed" : "open")).toList());
            assertTrue(findings.get(2).detail().contains("gives no reason"), findings.get(2).detail());
            assertEquals("CREATE INDEX ix_a ON users (email)", findings.get(0).statement());
        }

        @Test
        @DisplayName("an @Allow naming no rule, or without a reason, is refused naming the revision")
        void refused() {
            RetortException unknown = assertThrows(RetortException.class,
                    () -> lint(UnknownRule.class, Map.of(), op -> { }));
            assertTrue(unknown.getMessage().contains("no-such-rule") && unknown.getMessage().contains("c2")
                    && unknown.getMessage().contains("index-not-concurrent"), unknown.getMessage());
            RetortException blank = assertThrows(RetortException.class,
                    () -> lint(NoReason.class, Map.of(), op -> { }));
            assertTrue(blank.getMessage().contains("without a reason"), blank.getMessage());
        }
    }
}
