package dev.retort.op;

import static dev.retort.op.RoundTripCase.named;
import static dev.retort.schema.Deferrability.DEFERRABLE_INITIALLY_DEFERRED;
import static dev.retort.schema.ReferentialAction.CASCADE;
import static dev.retort.schema.ReferentialAction.SET_NULL;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Round trips of indexes and of constraints added to or dropped from existing tables. */
final class IndexAndConstraintRoundTrips {

    private IndexAndConstraintRoundTrips() {
    }

    private static final String ACCOUNTS = """
            CREATE TABLE accounts (
                id bigint NOT NULL,
                email text NOT NULL,
                handle text,
                "DueAt" timestamptz,
                prefs jsonb,
                deleted_at timestamptz,
                tenant_id integer)""";

    static Stream<Arguments> cases() {
        return Stream.of(
                named("CreateIndex unique")
                        .given(ACCOUNTS)
                        .when(new CreateIndex("accounts", Index.of("ux_accounts_email", "email").unique(), false))
                        .expect("index CREATE UNIQUE INDEX ux_accounts_email ON public.accounts USING btree (email)"),

                named("CreateIndex partial, with a WHERE predicate")
                        .given(ACCOUNTS)
                        .when(new CreateIndex("accounts",
                                Index.of("ix_accounts_live", "tenant_id", "email").where("deleted_at IS NULL"), false))
                        .expect("index CREATE INDEX ix_accounts_live ON public.accounts USING btree (tenant_id, email) "
                                + "WHERE (deleted_at IS NULL)"),

                named("CreateIndex unique on the expression lower(email)")
                        .given(ACCOUNTS)
                        .when(new CreateIndex("accounts",
                                Index.of("ux_accounts_email_lower", IndexElement.expression("lower(email)")).unique(),
                                false))
                        .expect("index CREATE UNIQUE INDEX ux_accounts_email_lower ON public.accounts USING btree "
                                + "(lower(email))"),

                named("CreateIndex DESC NULLS LAST on a mixed-case column")
                        .given(ACCOUNTS)
                        .when(new CreateIndex("accounts", Index.of("ix_accounts_due",
                                IndexElement.column("DueAt").desc().nullsLast(), IndexElement.column("id")), false))
                        .expect("index CREATE INDEX ix_accounts_due ON public.accounts USING btree "
                                + "(\"DueAt\" DESC NULLS LAST, id)"),

                named("CreateIndex with operator class text_pattern_ops")
                        .given(ACCOUNTS)
                        .when(new CreateIndex("accounts",
                                Index.of("ix_accounts_handle", IndexElement.column("handle").opclass("text_pattern_ops")),
                                false))
                        .expect("index CREATE INDEX ix_accounts_handle ON public.accounts USING btree "
                                + "(handle text_pattern_ops)"),

                named("CreateIndex gin on jsonb")
                        .given(ACCOUNTS)
                        .when(new CreateIndex("accounts", Index.of("ix_accounts_prefs", "prefs").using("gin"), false))
                        .expect("index CREATE INDEX ix_accounts_prefs ON public.accounts USING gin (prefs)"),

                named("CreateIndex covering, with INCLUDE")
                        .given(ACCOUNTS)
                        .when(new CreateIndex("accounts",
                                Index.of("ux_accounts_tenant_email", "tenant_id", "email").unique().include("handle", "DueAt"),
                                false))
                        .expect("index CREATE UNIQUE INDEX ux_accounts_tenant_email ON public.accounts USING btree "
                                + "(tenant_id, email) INCLUDE (handle, \"DueAt\")"),

                named("CreateIndex concurrently, outside a transaction, on a table with a space in its name")
                        .given("CREATE TABLE \"reminder log\" (\"DueAt\" date)")
                        .when(new CreateIndex("reminder log", Index.of("ix_reminder log_due", "DueAt"), true))
                        .expect("index CREATE INDEX \"ix_reminder log_due\" ON public.\"reminder log\" USING btree "
                                + "(\"DueAt\")"),

                named("DropIndex carrying a unique partial expression index")
                        .given("CREATE TABLE \"user\" (email text, deleted_at timestamptz)",
                                "CREATE UNIQUE INDEX ux_user_email ON \"user\" (lower(email)) WHERE deleted_at IS NULL")
                        .when(new DropIndex("user", "ux_user_email",
                                Index.of("ux_user_email", IndexElement.expression("lower(email)")).unique()
                                        .where("deleted_at IS NULL"), false))
                        .expectNo("index CREATE UNIQUE INDEX ux_user_email"),

                named("DropIndex concurrently, outside a transaction, carrying a gin index")
                        .given("CREATE TABLE \"order\" (tags jsonb)",
                                "CREATE INDEX \"Ix_Order_Tags\" ON \"order\" USING gin (tags jsonb_path_ops)")
                        .when(new DropIndex("order", "Ix_Order_Tags",
                                Index.of("Ix_Order_Tags", IndexElement.column("tags").opclass("jsonb_path_ops"))
                                        .using("gin"), true))
                        .expectNo("index CREATE INDEX \"Ix_Order_Tags\""),

                named("AddConstraint primary key on \"order\"")
                        .given("CREATE TABLE \"order\" (customer_id bigint NOT NULL, order_no integer NOT NULL)")
                        .when(new AddConstraint("order", PrimaryKey.of("order_pkey", "customer_id", "order_no")))
                        .expect("constraint order.order_pkey PRIMARY KEY (customer_id, order_no)",
                                "index CREATE UNIQUE INDEX order_pkey ON public.\"order\""),

                named("AddConstraint unique, deferrable")
                        .given("CREATE TABLE \"user\" (email text, \"DueAt\" date)")
                        .when(new AddConstraint("user", UniqueConstraint.of("uq_user_email_due", "email", "DueAt")
                                .deferrable(DEFERRABLE_INITIALLY_DEFERRED)))
                        .expect("constraint user.uq_user_email_due UNIQUE (email, \"DueAt\") "
                                + "DEFERRABLE INITIALLY DEFERRED"),

                named("AddConstraint check")
                        .given("CREATE TABLE tasks (priority integer)")
                        .when(new AddConstraint("tasks", CheckConstraint.of("ck_tasks_priority",
                                "priority BETWEEN 1 AND 5")))
                        .expect("constraint tasks.ck_tasks_priority CHECK (((priority >= 1) AND (priority <= 5)))"),

                named("AddConstraint foreign key ON DELETE CASCADE ON UPDATE SET NULL")
                        .given("CREATE TABLE \"user\" (id bigint PRIMARY KEY)",
                                "CREATE TABLE \"reminder log\" (user_id bigint)")
                        .when(new AddConstraint("reminder log", ForeignKey.of("fk_log_user", "user_id", "user", "id")
                                .onDelete(CASCADE).onUpdate(SET_NULL)))
                        .expect("constraint reminder log.fk_log_user FOREIGN KEY (user_id) REFERENCES \"user\"(id) "
                                + "ON UPDATE SET NULL ON DELETE CASCADE"),

                named("DropConstraint carrying a primary key")
                        .given("CREATE TABLE reminders (id bigint NOT NULL, CONSTRAINT reminders_pkey PRIMARY KEY (id))")
                        .when(new DropConstraint("reminders", "reminders_pkey", PrimaryKey.of("reminders_pkey", "id")))
                        .expectNo("constraint reminders.reminders_pkey"),

                named("DropConstraint carrying a deferrable unique constraint")
                        .given("CREATE TABLE coupons (code text, CONSTRAINT \"Uq Code\" UNIQUE (code) "
                                + "DEFERRABLE INITIALLY DEFERRED)")
                        .when(new DropConstraint("coupons", "Uq Code", UniqueConstraint.of("Uq Code", "code")
                                .deferrable(DEFERRABLE_INITIALLY_DEFERRED)))
                        .expectNo("constraint coupons.Uq Code"),

                named("DropConstraint carrying a check")
                        .given("CREATE TABLE \"order\" (total numeric, CONSTRAINT ck_order_total CHECK (total >= 0))")
                        .when(new DropConstraint("order", "ck_order_total", CheckConstraint.of("ck_order_total",
                                "total >= 0")))
                        .expectNo("constraint order.ck_order_total"),

                named("DropConstraint carrying a composite self-referencing foreign key")
                        .given("CREATE TABLE nodes (tree integer, id integer, parent integer, PRIMARY KEY (tree, id), "
                                + "CONSTRAINT fk_nodes_parent FOREIGN KEY (tree, parent) REFERENCES nodes (tree, id) "
                                + "ON DELETE CASCADE)")
                        .when(new DropConstraint("nodes", "fk_nodes_parent", ForeignKey.of("fk_nodes_parent",
                                List.of("tree", "parent"), "nodes", List.of("tree", "id")).onDelete(CASCADE)))
                        .expectNo("constraint nodes.fk_nodes_parent"))
                .map(RoundTripCase::arguments);
    }
}
