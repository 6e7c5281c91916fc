package dev.retort.op;

import static dev.retort.op.RoundTripCase.named;

import dev.retort.schema.EnumType;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Round trips of sequences, enum types and hand-written SQL. */
final class SequenceTypeAndSqlRoundTrips {

    private SequenceTypeAndSqlRoundTrips() {
    }

    private static final Sequence INVOICE_NO = Sequence.of("invoice_no").as("integer")
            .withOptions(new SequenceOptions(1000L, 5L, 10L, 999999L, 20L, true))
            .ownedBy("invoices", "number");

    static Stream<Arguments> cases() {
        return Stream.of(
                named("CreateSequence with every option, owned by a column")
                        .given("CREATE TABLE invoices (number integer)")
                        .when(new CreateSequence(INVOICE_NO))
                        .expect("sequence invoice_no as integer start 1000 min 10 max 999999 increment 5 cache 20 "
                                + "cycle owned by invoices.number"),

                named("CreateSequence with defaults and a mixed-case name")
                        .when(new CreateSequence(Sequence.of("Order Seq")))
                        .expect("sequence Order Seq as bigint start 1 min 1 max 9223372036854775807 increment 1 cache 1"),

                named("CreateSequence descending")
                        .when(new CreateSequence(Sequence.of("countdown").incrementBy(-1)))
                        .expect("sequence countdown as bigint start -1 min -9223372036854775808 max -1 increment -1"),

                named("AlterSequence changes several options and resets one to its default")
                        .given("CREATE SEQUENCE invoice_no AS integer START WITH 1000 INCREMENT BY 5 CACHE 20")
                        .when(new AlterSequence(
                                Sequence.of("invoice_no").as("integer").withOptions(SequenceOptions.DEFAULTS
                                        .withStart(1000).withIncrement(5).withCache(20)),
                                Sequence.of("invoice_no").as("bigint").withOptions(SequenceOptions.DEFAULTS
                                        .withStart(2000).withIncrement(10).withMaxValue(5000000000L).withCycle(true))))
                        .expect("sequence invoice_no as bigint start 2000 min 1 max 5000000000 increment 10 cache 1 cycle"),

                named("AlterSequence changes only the data type, which moves the default maximum along")
                        .given("CREATE SEQUENCE \"Order Seq\" AS integer")
                        .when(new AlterSequence(Sequence.of("Order Seq").as("integer"), Sequence.of("Order Seq")))
                        .expect("sequence Order Seq as bigint start 1 min 1 max 9223372036854775807 "),

                named("AlterSequence moves ownership to another column")
                        .given("CREATE TABLE \"order\" (id bigint, \"DueAt\" bigint)",
                                "CREATE SEQUENCE order_seq OWNED BY \"order\".id")
                        .when(new AlterSequence(Sequence.of("order_seq").ownedBy("order", "id"),
                                Sequence.of("order_seq").ownedBy("order", "DueAt")))
                        .expect("sequence order_seq as bigint start 1 min 1 max 9223372036854775807 increment 1 cache 1 "
                                + "owned by order.DueAt"),

                named("AlterSequence gives an unowned sequence an owner")
                        .given("CREATE TABLE \"user\" (id bigint)", "CREATE SEQUENCE user_seq")
                        .when(new AlterSequence(Sequence.of("user_seq"), Sequence.of("user_seq").ownedBy("user", "id")))
                        .expect("sequence user_seq as bigint start 1 min 1 max 9223372036854775807 increment 1 cache 1 "
                                + "owned by user.id"),

                named("AlterSequence resets the start while a minimum stays")
                        .given("CREATE SEQUENCE ticket_no MINVALUE 10 START WITH 500")
                        .when(new AlterSequence(
                                Sequence.of("ticket_no").withOptions(SequenceOptions.DEFAULTS.withMinValue(10).withStart(500)),
                                Sequence.of("ticket_no").withOptions(SequenceOptions.DEFAULTS.withMinValue(10))))
                        .expect("sequence ticket_no as bigint start 10 min 10 "),

                named("AlterSequence resets the start of a descending sequence while a maximum stays")
                        .given("CREATE SEQUENCE countdown INCREMENT BY -1 MAXVALUE -10 START WITH -50")
                        .when(new AlterSequence(
                                Sequence.of("countdown").withOptions(SequenceOptions.DEFAULTS.withIncrement(-1)
                                        .withMaxValue(-10).withStart(-50)),
                                Sequence.of("countdown").withOptions(SequenceOptions.DEFAULTS.withIncrement(-1)
                                        .withMaxValue(-10))))
                        .expect("sequence countdown as bigint start -10 min -9223372036854775808 max -10 increment -1"),

                named("DropSequence carrying every option and its owner")
                        .given("CREATE TABLE invoices (number integer)",
                                "CREATE SEQUENCE invoice_no AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 999999 "
                                        + "START WITH 1000 CACHE 20 CYCLE OWNED BY invoices.number")
                        .when(new DropSequence("invoice_no", INVOICE_NO))
                        .expectNo("sequence invoice_no"),

                named("CreateEnumType with values holding quotes")
                        .when(new CreateEnumType(EnumType.of("mood", "it's fine", "say \"hi\"", "sad")))
                        .expect("enum mood 'it''s fine', 'say \"hi\"', 'sad'"),

                named("DropEnumType carrying a mixed-case type's values")
                        .given("CREATE TYPE \"Mood\" AS ENUM ('sad', 'it''s ok', 'happy')")
                        .when(new DropEnumType("Mood", EnumType.of("Mood", "sad", "it's ok", "happy")))
                        .expectNo("enum Mood"),

                named("ExecuteSql with reverse SQL creates and drops a view")
                        .given("CREATE TABLE \"user\" (id bigint, active boolean)")
                        .when(new ExecuteSql("CREATE VIEW active_users AS SELECT id FROM \"user\" WHERE active",
                                "DROP VIEW active_users"))
                        .expect("view active_users ", "column active_users.id bigint null"),

                named("ExecuteSql with reverse SQL migrates data and leaves the catalog alone")
                        .given("CREATE TABLE tasks (status text)", "INSERT INTO tasks VALUES ('open'), ('done')")
                        .when(new ExecuteSql("UPDATE tasks SET status = 'closed' WHERE status = 'done'",
                                "UPDATE tasks SET status = 'done' WHERE status = 'closed'"))
                        .catalogUnchanged()
                        .probe("SELECT string_agg(status, ',' ORDER BY status) FROM tasks", "closed,open", "done,open"))
                .map(RoundTripCase::arguments);
    }
}
