package dev.retort.autogen;

import java.util.List;
import java.util.Map;

/**
 * Round-trip cases for entities in several PostgreSQL schemas ({@code @Table(schema = ...)},
 * {@code @SequenceGenerator(schema = ...)}): Hibernate creates the schema ({@code create_namespaces}), Retort
 * creates it the first time it needs it and drops it on the way back, with foreign keys across schemas in both
 * directions.
 */
final class SchemaCases {

    private static final Map<String, String> CREATE_SCHEMAS = Map.of("hibernate.hbm2ddl.create_namespaces", "true");

    private static final Model BASE = Model.base();

    private static final String ENTRY = """
            @Entity
            @Table(name = "entry", schema = "audit")
            public class AuditEntry {
                @Id
                @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entry_ids")
                @SequenceGenerator(name = "entry_ids", sequenceName = "entry_seq", schema = "audit")
                Long id;

                @ManyToOne
                Customer customer;

                @Column(length = 200)
                String action;
            }
            """;

    private static final Model AUDITED = BASE.with("AuditEntry", ENTRY);

    private SchemaCases() {
    }

    static List<RoundTripCase> all() {
        return List.of(
                RoundTripCase.of("a table and a sequence in a new schema, with a key into the working one",
                                BASE, AUDITED)
                        .settings(CREATE_SCHEMAS)
                        .changes("create_schema audit", "create_sequence audit.entry_seq", "create_table audit.entry"),
                RoundTripCase.of("a column added to a table in another schema",
                                AUDITED, AUDITED.field("AuditEntry", "Instant happenedAt;"))
                        .settings(CREATE_SCHEMAS)
                        .changes("add_column audit.entry.happenedat")
                        .rowsAtV1("INSERT INTO customer (name, city) VALUES ('Ann', 'Oslo')",
                                "INSERT INTO audit.entry (id, customer_id, action) VALUES (1, 1, 'signed up')")
                        .expectAtV2("SELECT action FROM audit.entry", "signed up"),
                RoundTripCase.of("hibernate.default_schema puts every table in that schema, created with it",
                                BASE, BASE.field("Product", "String code;"))
                        .settings(Map.of("hibernate.default_schema", "app", "hibernate.hbm2ddl.create_namespaces", "true"))
                        .changes("add_column app.product.code")
                        .rowsAtV1("INSERT INTO app.product (id, title) VALUES (1, 'Pen')")
                        .expectAtV2("SELECT title FROM app.product", "Pen"),
                RoundTripCase.of("a key from the working schema into another, and a column there re-typed",
                                AUDITED, AUDITED
                                        .field("PurchaseOrder", "@ManyToOne AuditEntry approval;")
                                        .edit("AuditEntry", "@Column(length = 200)", "@Column(length = 400)"))
                        .settings(CREATE_SCHEMAS)
                        .changes("add_column purchase_order.approval_id", "alter_column audit.entry.action",
                                "create_foreign_key purchase_order fkqqjx8v5pwvq2p7twpgwq0d3g7"));
    }
}
