package dev.retort.op;

import static dev.retort.op.RoundTripCase.named;
import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ReferentialAction.SET_NULL;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.op.RoundTripCase.Expectations;
import dev.retort.op.RoundTripCase.Setup;
import dev.retort.platform.mariadb.MariaDbDialect;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Deferrability;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.View;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.MariaDb;
import dev.retort.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation MariaDB has a form for, against the real MariaDB server: it changes the catalog (as
 * {@code information_schema} spells it), and its {@code reverse()} puts the catalog back exactly as it was. What
 * MariaDB has no form for is refused before anything runs, with the reason.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("Operations applied to MariaDB")
class MariaDbOperationRoundTripTest {

    private static final String USERS = "CREATE TABLE users (id bigint NOT NULL PRIMARY KEY, email varchar(320))";

    private static final String TASKS = "CREATE TABLE tasks (id bigint NOT NULL AUTO_INCREMENT, "
            + "status varchar(20) NOT NULL DEFAULT 'open', `say \"hi\"` text COMMENT 'it''s, \\nfine', "
            + "user_id bigint, due_at datetime(6) DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6), "
            + "PRIMARY KEY (id), CONSTRAINT uq_tasks_status UNIQUE (status, user_id), "
            + "CONSTRAINT fk_tasks_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL, "
            + "INDEX ix_tasks_due (due_at DESC)) COMMENT 'To do'";

    static Stream<Arguments> cases() {
        Column status = Column.of("status", "varchar(20)").notNull().withDefault("'open'");
        return Stream.of(
                named("CreateTable with AUTO_INCREMENT, a comment holding a newline, keys, a check and an index")
                        .given(USERS)
                        .when(new CreateTable(Table.of("invoices",
                                Column.of("id", "bigint").notNull().withIdentity(Identity.generatedByDefault()),
                                Column.of("due_at", "date").notNull().withDefault("(curdate())")
                                        .withComment("Due 'date'"),
                                Column.of("user_id", "bigint"),
                                Column.of("total", "decimal(12,2)").withDefault("0"),
                                Column.of("say \"hi\"", "text"),
                                PrimaryKey.of("invoices_pkey", "id"),
                                UniqueConstraint.of("uq_invoices_due_user", "due_at", "user_id"),
                                CheckConstraint.of("ck_invoices_total", "total >= 0"),
                                ForeignKey.of("fk_invoices_user", "user_id", "users", "id").onDelete(CASCADE),
                                Index.of("ix_invoices_user", "user_id"))
                                .withComment("Bills,\nsent monthly")))
                        .expect("table invoices engine=InnoDB collate=utf8mb4_general_ci comment=Bills,\nsent monthly",
                                "column invoices.id bigint(20) not null auto_increment",
                                "column invoices.due_at date not null default curdate() comment=Due 'date'",
                                "column invoices.total decimal(12,2) null default 0.00",
                                "column invoices.say \"hi\" text null default NULL collate utf8mb4_general_ci",
                                "constraint invoices.PRIMARY PRIMARY KEY (id)",
                                "constraint invoices.uq_invoices_due_user UNIQUE (due_at, user_id)",
                                "constraint invoices.ck_invoices_total CHECK (`total` >= 0)",
                                "constraint invoices.fk_invoices_user FOREIGN KEY (user_id) REFERENCES users(id) "
                                        + "ON UPDATE RESTRICT ON DELETE CASCADE",
                                "index invoices.ix_invoices_user BTREE (user_id)"),

                named("DropTable carrying the full definition of a table created by plain SQL")
                        .given(USERS, TASKS)
                        .when(new DropTable("tasks", Table.of("tasks",
                                Column.of("id", "bigint").notNull().withIdentity(Identity.generatedByDefault()),
                                status,
                                Column.of("say \"hi\"", "text").withComment("it's, \nfine"),
                                Column.of("user_id", "bigint"),
                                Column.of("due_at", "datetime(6)")
                                        .withDefault("current_timestamp(6) ON UPDATE current_timestamp(6)"),
                                PrimaryKey.of("PRIMARY", "id"),
                                UniqueConstraint.of("uq_tasks_status", "status", "user_id"),
                                ForeignKey.of("fk_tasks_user", "user_id", "users", "id").onDelete(SET_NULL),
                                Index.of("ix_tasks_due", IndexElement.column("due_at").desc()))
                                .withComment("To do")))
                        .expectNo("table tasks"),

                named("RenameTable to a name that needs quoting")
                        .given(USERS, TASKS)
                        .when(new RenameTable("tasks", "task archive"))
                        .expect("table task archive", "column task archive.status varchar(20)")
                        .expectNo("table tasks "),

                named("AddColumn NOT NULL with a default fills the existing rows")
                        .given("CREATE TABLE notes (id bigint NOT NULL PRIMARY KEY)", "INSERT INTO notes VALUES (1)")
                        .when(new AddColumn("notes", status))
                        .expect("column notes.status varchar(20) not null default 'open'")
                        .probe("SELECT status FROM notes", "open", null),

                named("DropColumn carrying a definition with a comment, a quote and a newline")
                        .given(USERS, TASKS)
                        .when(new DropColumn("tasks", "say \"hi\"",
                                Column.of("say \"hi\"", "text").withComment("it's, \nfine")))
                        .expectNo("column tasks.say"),

                named("RenameColumn keeps the values")
                        .given(USERS, TASKS, "INSERT INTO tasks (status) VALUES ('done')")
                        .when(new RenameColumn("tasks", "status", "state"))
                        .expect("column tasks.state varchar(20) not null default 'open'")
                        .probe("SELECT state FROM tasks", "done", null),

                named("AlterColumn of the default alone (SET DEFAULT), back to none (DROP DEFAULT)")
                        .given("CREATE TABLE notes (id bigint NOT NULL PRIMARY KEY, body varchar(50) NOT NULL)")
                        .when(new AlterColumn.Builder("notes", "body").defaultValue(null, "'empty'").build())
                        .expect("column notes.body varchar(50) not null default 'empty'"),

                named("AlterColumn restating the column widens it, makes it NOT NULL and comments it, keeping values")
                        .given("CREATE TABLE notes (id bigint NOT NULL PRIMARY KEY, body varchar(20))",
                                "INSERT INTO notes VALUES (1, 'kept')")
                        .when(AlterColumn.between("notes", Column.of("body", "varchar(20)"),
                                Column.of("body", "varchar(200)").notNull().withComment("The text"))
                                .restating(Column.of("body", "varchar(20)"),
                                        Column.of("body", "varchar(200)").notNull().withComment("The text")))
                        .expect("column notes.body varchar(200) not null collate utf8mb4_general_ci comment=The text")
                        .probe("SELECT body FROM notes", "kept", "kept"),

                named("CreateIndex, unique, and DropIndex carrying a descending definition")
                        .given(USERS)
                        .when(new CreateIndex("users", Index.of("ux_users_email", "email").unique(), false))
                        .expect("index users.ux_users_email unique BTREE (email)"),

                named("CreateIndex concurrently builds it in place without locking writes")
                        .given(USERS)
                        .when(new CreateIndex("users", Index.of("ix_users_email", IndexElement.column("email").desc()),
                                true))
                        .expect("index users.ix_users_email BTREE (email DESC)"),

                named("DropIndex carrying its definition")
                        .given(USERS, TASKS)
                        .when(new DropIndex("tasks", "ix_tasks_due", Index.of("ix_tasks_due",
                                IndexElement.column("due_at").desc()), false))
                        .expectNo("index tasks.ix_tasks_due"),

                named("RenameObject of an index")
                        .given(USERS, TASKS)
                        .when(new RenameObject(RenameObject.Kind.INDEX, "tasks", "ix_tasks_due", "ix_tasks_due_at"))
                        .expect("index tasks.ix_tasks_due_at BTREE (due_at DESC)"),

                named("AddConstraint of a primary key, and DropConstraint carrying it")
                        .given("CREATE TABLE order_lines (order_no bigint NOT NULL, line integer NOT NULL)")
                        .when(new AddConstraint("order_lines", PrimaryKey.of("order_lines_pkey", "order_no", "line")))
                        .expect("constraint order_lines.PRIMARY PRIMARY KEY (order_no, line)"),

                named("AddConstraint of a unique constraint, a check and a foreign key")
                        .given(USERS, TASKS)
                        .when(new AddConstraint("users", CheckConstraint.of("ck_users_email", "email like '%@%'")))
                        .expect("constraint users.ck_users_email CHECK (`email` like '%@%')"),

                named("AddConstraint of a foreign key with actions")
                        .given(USERS, "CREATE TABLE posts (id bigint NOT NULL PRIMARY KEY, author bigint, "
                                + "INDEX ix_posts_author (author))")
                        .when(new AddConstraint("posts", ForeignKey.of("fk_posts_author", "author", "users", "id")
                                .onDelete(CASCADE).onUpdate(CASCADE)))
                        .expect("constraint posts.fk_posts_author FOREIGN KEY (author) REFERENCES users(id) "
                                + "ON UPDATE CASCADE ON DELETE CASCADE"),

                named("DropConstraint of a unique constraint, carrying it")
                        .given(USERS, TASKS)
                        .when(new DropConstraint("tasks", "uq_tasks_status",
                                UniqueConstraint.of("uq_tasks_status", "status", "user_id")))
                        .expectNo("constraint tasks.uq_tasks_status"),

                named("DropConstraint of a foreign key, carrying it")
                        .given(USERS, TASKS)
                        .when(new DropConstraint("tasks", "fk_tasks_user",
                                ForeignKey.of("fk_tasks_user", "user_id", "users", "id").onDelete(SET_NULL)))
                        .expectNo("constraint tasks.fk_tasks_user"),

                named("CreateSequence with every option, AlterSequence, DropSequence")
                        .when(new CreateSequence(Sequence.of("invoice_no")
                                .withOptions(new SequenceOptions(1000L, 5L, 10L, 999999L, 20L, true))))
                        .expect("sequence invoice_no start 1000 min 10 max 999999 increment 5 cache 20 cycle"),

                named("AlterSequence changes the increment and the cache")
                        .given("CREATE SEQUENCE invoice_no START WITH 1 INCREMENT BY 1 CACHE 1000")
                        .when(new AlterSequence(Sequence.of("invoice_no").startWith(1).incrementBy(1).cache(1000),
                                Sequence.of("invoice_no").startWith(1).incrementBy(50).cache(10)))
                        .expect("sequence invoice_no start 1 min 1 max 9223372036854775806 increment 50 cache 10"),

                named("SetTableComment sets a comment with quotes and a newline")
                        .given(USERS)
                        .when(new SetTableComment("users", Change.of(null, "People's accounts,\n\"active\" or not")))
                        .expect("table users engine=InnoDB collate=utf8mb4_general_ci comment=People's accounts,\n"
                                + "\"active\" or not"),

                named("CreateView and its reverse")
                        .given(USERS)
                        .when(new CreateView(View.of("emails", "SELECT id, email FROM users")))
                        .expect("view emails AS select"),

                named("ExecuteSql with the statement that undoes it")
                        .given(USERS)
                        .when(new ExecuteSql("CREATE INDEX ix_users_email ON users (email)",
                                "DROP INDEX ix_users_email ON users"))
                        .expect("index users.ix_users_email BTREE (email)"))
                .map(RoundTripCase::arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("change the catalog, and their reverse restores it exactly")
    void reverseRestoresTheCatalog(String name, Setup setup, Operation operation, Expectations expect,
                                   @MariaDb TestDatabase db) throws SQLException {
        OperationRoundTripTest.roundTrip(setup, operation, expect, db);
    }

    @Test
    @DisplayName("what MariaDB has no form for is refused before anything runs, naming the operation and the reason")
    void refusedWithTheReason() {
        MariaDbDialect dialect = new MariaDbDialect();
        List<Operation> refused = List.of(
                new CreateEnumType(EnumType.of("mood", "sad", "happy")),
                new CreateIndex("users", Index.of("ix_live", "email").where("email IS NOT NULL"), false),
                new CreateIndex("users", Index.of("ix_lower", IndexElement.expression("lower(email)")), false),
                new AddConstraint("tasks", ForeignKey.of("fk", "user_id", "users", "id")
                        .deferrable(Deferrability.DEFERRABLE_INITIALLY_DEFERRED)),
                new AddConstraint("users", CheckConstraint.of("ck", "id > 0"), true, null),
                new ValidateConstraint("users", "ck"),
                new RenameObject(RenameObject.Kind.CONSTRAINT, "users", "ck", "ck2"),
                new AlterColumn.Builder("notes", "body").type("varchar(20)", "varchar(200)").build());
        for (Operation op : refused) {
            RetortException e = assertThrows(RetortException.class, () -> dialect.statements(op), op::describe);
            assertTrue(e.getMessage().startsWith("Cannot run '" + op.describe() + "' on MariaDB: "), e.getMessage());
        }
    }
}
