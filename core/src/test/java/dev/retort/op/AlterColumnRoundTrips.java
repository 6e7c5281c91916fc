package dev.retort.op;

import static dev.retort.op.RoundTripCase.named;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Identity;
import dev.retort.schema.SequenceOptions;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Round trips of {@link AlterColumn#between}: every aspect of a column changed and changed back. */
final class AlterColumnRoundTrips {

    private AlterColumnRoundTrips() {
    }

    private static final Identity BY_DEFAULT = Identity.generatedByDefault();
    private static final Identity ALWAYS = Identity.generatedAlways();

    static Stream<Arguments> cases() {
        return Stream.of(
                named("AlterColumn widens varchar(50) to varchar(200), keeping the data")
                        .given("CREATE TABLE tasks (title varchar(50))", "INSERT INTO tasks VALUES ('write tests')")
                        .when(AlterColumn.between("tasks",
                                Column.of("title", "varchar(50)"), Column.of("title", "varchar(200)")))
                        .expect("column tasks.title character varying(200) null")
                        .probe("SELECT title FROM tasks", "write tests", "write tests"),

                named("AlterColumn turns text into integer with a cast, keeping the row")
                        .given("CREATE TABLE tasks (amount text)", "INSERT INTO tasks VALUES ('42')")
                        .when(AlterColumn.between("tasks", Column.of("amount", "text"), Column.of("amount", "integer")))
                        .expect("column tasks.amount integer null")
                        .probe("SELECT amount + 1 FROM tasks", "43", null)
                        .probe("SELECT amount FROM tasks", "42", "42"),

                named("AlterColumn converts with the author's USING expression")
                        .given("CREATE TABLE tasks (amount text)", "INSERT INTO tasks VALUES (' 42 ')")
                        .when(new AlterColumn.Builder("tasks", "amount")
                                .type(ColumnType.of("text"), ColumnType.of("integer"))
                                .using("trim(amount)::integer")
                                .build())
                        .expect("column tasks.amount integer null")
                        .probe("SELECT amount FROM tasks", "42", "42"),

                named("AlterColumn turns integer into bigint on \"user\"")
                        .given("CREATE TABLE \"user\" (id integer NOT NULL)", "INSERT INTO \"user\" VALUES (2147483647)")
                        .when(AlterColumn.between("user",
                                Column.of("id", "integer").notNull(), Column.of("id", "bigint").notNull()))
                        .expect("column user.id bigint not null")
                        .probe("SELECT id FROM \"user\"", "2147483647", "2147483647"),

                named("AlterColumn converts one enum type into another through text, keeping the row")
                        .given("CREATE TYPE mood AS ENUM ('happy', 'sad')", "CREATE TYPE feeling AS ENUM ('happy', 'sad')",
                                "CREATE TABLE tasks (mood mood)", "INSERT INTO tasks VALUES ('sad')")
                        .when(AlterColumn.between("tasks", Column.of("mood", "mood"), Column.of("mood", "feeling")))
                        .expect("column tasks.mood feeling null")
                        .probe("SELECT mood FROM tasks", "sad", "sad"),

                named("AlterColumn turns integer into text")
                        .given("CREATE TABLE tasks (code int)", "INSERT INTO tasks VALUES (7)")
                        .when(AlterColumn.between("tasks", Column.of("code", "integer"), Column.of("code", "text")))
                        .expect("column tasks.code text null")
                        .probe("SELECT code || 'x' FROM tasks", "7x", null),

                named("AlterColumn makes mixed-case \"DueAt\" NOT NULL")
                        .given("CREATE TABLE \"reminder log\" (\"DueAt\" date)")
                        .when(AlterColumn.between("reminder log",
                                Column.of("DueAt", "date"), Column.of("DueAt", "date").notNull()))
                        .expect("column reminder log.DueAt date not null"),

                named("AlterColumn makes a NOT NULL column nullable")
                        .given("CREATE TABLE tasks (title text NOT NULL)")
                        .when(AlterColumn.between("tasks",
                                Column.of("title", "text").notNull(), Column.of("title", "text")))
                        .expect("column tasks.title text null"),

                named("AlterColumn adds a default")
                        .given("CREATE TABLE tasks (status text)")
                        .when(AlterColumn.between("tasks",
                                Column.of("status", "text"), Column.of("status", "text").withDefault("'new'")))
                        .expect("column tasks.status text null default 'new'::text"),

                named("AlterColumn changes a default on a column named with double quotes")
                        .given("CREATE TABLE \"order\" (\"say \"\"hi\"\"\" text DEFAULT 'hello')")
                        .when(AlterColumn.between("order",
                                Column.of("say \"hi\"", "text").withDefault("'hello'"),
                                Column.of("say \"hi\"", "text").withDefault("'it''s me'")))
                        .expect("column order.say \"hi\" text null default 'it''s me'::text"),

                named("AlterColumn drops a default")
                        .given("CREATE TABLE tasks (created_at timestamptz NOT NULL DEFAULT now())")
                        .when(AlterColumn.between("tasks",
                                Column.of("created_at", "timestamp with time zone").notNull().withDefault("now()"),
                                Column.of("created_at", "timestamp with time zone").notNull()))
                        .expect("column tasks.created_at timestamp with time zone not null")
                        .expectNo("column tasks.created_at timestamp with time zone not null default"),

                named("AlterColumn changes the type while a default exists that does not cast")
                        .given("CREATE TABLE tasks (rank varchar(10) NOT NULL DEFAULT 'x')")
                        .when(AlterColumn.between("tasks",
                                Column.of("rank", "varchar(10)").notNull().withDefault("'x'"),
                                Column.of("rank", "integer").notNull().withDefault("0")))
                        .expect("column tasks.rank integer not null default 0"),

                named("AlterColumn adds an identity to a nullable column")
                        .given("CREATE TABLE \"user\" (id bigint)")
                        .when(AlterColumn.between("user", Column.of("id", "bigint"),
                                Column.of("id", "bigint").withIdentity(BY_DEFAULT.withOptions(
                                        SequenceOptions.DEFAULTS.withStart(10)))))
                        .expect("column user.id bigint not null identity by default",
                                "sequence user_id_seq as bigint start 10 "),

                named("AlterColumn drops an identity")
                        .given("CREATE TABLE \"user\" (id bigint GENERATED ALWAYS AS IDENTITY)")
                        .when(AlterColumn.between("user",
                                Column.of("id", "bigint").identityAlways(), Column.of("id", "bigint").notNull()))
                        .expect("column user.id bigint not null")
                        .expectNo("column user.id bigint not null identity", "sequence user_id_seq"),

                named("AlterColumn switches an identity from always to by default")
                        .given("CREATE TABLE tasks (id integer GENERATED ALWAYS AS IDENTITY (START WITH 5))")
                        .when(AlterColumn.between("tasks",
                                Column.of("id", "integer").withIdentity(ALWAYS.withOptions(
                                        SequenceOptions.DEFAULTS.withStart(5))),
                                Column.of("id", "integer").withIdentity(BY_DEFAULT.withOptions(
                                        SequenceOptions.DEFAULTS.withStart(5)))))
                        .expect("column tasks.id integer not null identity by default"),

                named("AlterColumn switches an identity from by default to always")
                        .given("CREATE TABLE tasks (id bigint GENERATED BY DEFAULT AS IDENTITY)")
                        .when(AlterColumn.between("tasks",
                                Column.of("id", "bigint").identityByDefault(), Column.of("id", "bigint").identityAlways()))
                        .expect("column tasks.id bigint not null identity always"),

                named("AlterColumn changes an identity's sequence options")
                        .given("CREATE TABLE tasks (id bigint GENERATED BY DEFAULT AS IDENTITY (CACHE 10))")
                        .when(AlterColumn.between("tasks",
                                Column.of("id", "bigint").withIdentity(BY_DEFAULT.withOptions(
                                        SequenceOptions.DEFAULTS.withCache(10))),
                                Column.of("id", "bigint").withIdentity(BY_DEFAULT.withOptions(
                                        new SequenceOptions(100L, 5L, null, 100000L, null, true)))))
                        .expect("sequence tasks_id_seq as bigint start 100 min 1 max 100000 increment 5 cache 1 cycle"),

                named("AlterColumn adds an identity in place of a default")
                        .given("CREATE SEQUENCE legacy_seq", "CREATE TABLE tasks (id bigint NOT NULL DEFAULT nextval('legacy_seq'))")
                        .when(AlterColumn.between("tasks",
                                Column.of("id", "bigint").notNull().withDefault("nextval('legacy_seq'::regclass)"),
                                Column.of("id", "bigint").identityByDefault()))
                        .expect("column tasks.id bigint not null identity by default")
                        .expectNo("column tasks.id bigint not null default"),

                named("AlterColumn drops an identity and makes the column nullable")
                        .given("CREATE TABLE tasks (id bigint GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 3))")
                        .when(AlterColumn.between("tasks",
                                Column.of("id", "bigint").withIdentity(BY_DEFAULT.withOptions(
                                        SequenceOptions.DEFAULTS.withIncrement(3))),
                                Column.of("id", "bigint")))
                        .expect("column tasks.id bigint null")
                        .expectNo("sequence tasks_id_seq"),

                named("AlterColumn widens an identity column from integer to bigint")
                        .given("CREATE TABLE \"order\" (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY)")
                        .when(AlterColumn.between("order",
                                Column.of("id", "integer").identityAlways(), Column.of("id", "bigint").identityAlways()))
                        .expect("column order.id bigint not null identity always"),

                named("AlterColumn resets an identity's start while its minimum stays")
                        .given("CREATE TABLE tasks (id integer GENERATED BY DEFAULT AS IDENTITY (MINVALUE 100 START WITH 500))")
                        .when(AlterColumn.between("tasks",
                                Column.of("id", "integer").withIdentity(BY_DEFAULT.withOptions(
                                        SequenceOptions.DEFAULTS.withMinValue(100).withStart(500))),
                                Column.of("id", "integer").withIdentity(BY_DEFAULT.withOptions(
                                        SequenceOptions.DEFAULTS.withMinValue(100)))))
                        .expect("sequence tasks_id_seq as integer start 100 min 100 "),

                named("AlterColumn turns text into an enum type")
                        .given("CREATE TYPE \"Mood\" AS ENUM ('sad', 'happy')", "CREATE TABLE \"user\" (mood text)",
                                "INSERT INTO \"user\" VALUES ('happy')")
                        .when(AlterColumn.between("user", Column.of("mood", "text"), Column.of("mood", "\"Mood\"")))
                        .expect("column user.mood \"Mood\" null")
                        .probe("SELECT mood FROM \"user\"", "happy", "happy"),

                named("AlterColumn changes type, nullability, default and comment at once")
                        .given("CREATE TABLE tasks (rank varchar(10) DEFAULT 'x')", "COMMENT ON COLUMN tasks.rank IS 'old'")
                        .when(AlterColumn.between("tasks",
                                Column.of("rank", "varchar(10)").withDefault("'x'").withComment("old"),
                                Column.of("rank", "integer").notNull().withDefault("0").withComment("new")))
                        .expect("column tasks.rank integer not null default 0 comment=new"),

                named("AlterColumn sets a column comment with quotes and a newline")
                        .given("CREATE TABLE \"user\" (\"DueAt\" date)")
                        .when(AlterColumn.between("user",
                                Column.of("DueAt", "date"), Column.of("DueAt", "date").withComment("it's \"due\"\nsoon")))
                        .expect("column user.DueAt date null comment=it's \"due\"\nsoon"),

                named("AlterColumn changes a column comment")
                        .given("CREATE TABLE tasks (title text)", "COMMENT ON COLUMN tasks.title IS 'old'")
                        .when(AlterColumn.between("tasks",
                                Column.of("title", "text").withComment("old"), Column.of("title", "text").withComment("new")))
                        .expect("column tasks.title text null comment=new"),

                named("AlterColumn removes a column comment")
                        .given("CREATE TABLE tasks (title text)", "COMMENT ON COLUMN tasks.title IS 'old'")
                        .when(AlterColumn.between("tasks",
                                Column.of("title", "text").withComment("old"), Column.of("title", "text")))
                        .expectNo("column tasks.title text null comment"))
                .map(RoundTripCase::arguments);
    }
}
