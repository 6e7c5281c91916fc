package dev.retort.autogen;

import java.util.List;

/** Round-trip cases for tables, columns (types, nullability, defaults, identity) and comments. */
final class ColumnCases {

    private static final Model BASE = Model.base();

    private static final String TAG = """
            @Entity
            public class Tag {
                @Id
                @GeneratedValue(strategy = GenerationType.IDENTITY)
                Long id;

                @Column(length = 40)
                String label;
            }
            """;

    private static final String CUSTOMERS = "INSERT INTO customer (name, nickname, email, city, points, notes) VALUES "
            + "('Ada', 'countess', 'ada@example.com', 'London', 42, 'first'), "
            + "('Alan', NULL, NULL, 'Wilmslow', NULL, NULL)";

    private static final String PRODUCT_TABLE = "@Table(name = \"product\")";
    private static final String TITLE = "@Column(nullable = false)";

    private ColumnCases() {
    }

    static List<RoundTripCase> all() {
        return List.of(
                RoundTripCase.of("a new entity creates its table", BASE, BASE.with("Tag", TAG))
                        .changes("create_table tag"),
                RoundTripCase.of("a removed entity drops its table", BASE.with("Tag", TAG), BASE)
                        .changes("drop_table tag")
                        .warns("data-loss"),
                RoundTripCase.of("a new field adds a nullable column", BASE,
                                BASE.field("Customer", "@Column(length = 30) String phone;"))
                        .changes("add_column customer.phone"),
                RoundTripCase.of("a removed field drops its column", BASE, BASE.edit("Customer", "    String email;\n", ""))
                        .changes("drop_column customer.email")
                        .warns("data-loss"),
                RoundTripCase.of("a longer varchar widens the column and keeps its rows", BASE,
                                BASE.edit("Customer", "length = 50", "length = 200"))
                        .changes("alter_column customer.nickname")
                        .rowsAtV1(CUSTOMERS)
                        .expectAtV2("SELECT name, nickname FROM customer ORDER BY id", "Ada|countess", "Alan|null"),
                RoundTripCase.of("Integer to Long widens integer to bigint and keeps the values", BASE,
                                BASE.edit("Customer", "Integer points;", "Long points;"))
                        .changes("alter_column customer.points")
                        .rowsAtV1(CUSTOMERS)
                        .expectAtV2("SELECT name, points FROM customer ORDER BY id", "Ada|42", "Alan|null"),
                RoundTripCase.of("a shorter varchar narrows the column with a data-loss warning", BASE,
                                BASE.edit("Customer", "length = 200", "length = 100"))
                        .changes("alter_column customer.notes")
                        .warns("data-loss"),
                RoundTripCase.of("nullable = false sets NOT NULL with a warning", BASE,
                                BASE.edit("Customer", "    String email;", "    @Column(nullable = false)\n    String email;"))
                        .changes("alter_column customer.email")
                        .warns("not-null-without-default"),
                RoundTripCase.of("dropping nullable = false relaxes NOT NULL and keeps the rows", BASE,
                                BASE.edit("Customer", "@Column(nullable = false)\n    String city;", "String city;"))
                        .changes("alter_column customer.city")
                        .rowsAtV1(CUSTOMERS)
                        .expectAtV2("SELECT name, city FROM customer ORDER BY id", "Ada|London", "Alan|Wilmslow"),
                RoundTripCase.of("a NOT NULL field with @ColumnDefault fills the existing rows", BASE,
                                BASE.field("Customer", """
                                        @Column(nullable = false, length = 20)
                                        @ColumnDefault("'active'")
                                        String status;"""))
                        .changes("add_column customer.status")
                        .rowsAtV1(CUSTOMERS)
                        .expectAtV2("SELECT name, status FROM customer ORDER BY id", "Ada|active", "Alan|active"),
                RoundTripCase.of("@ColumnDefault added sets a server default", BASE,
                                BASE.edit("Customer", "Integer points;", "@ColumnDefault(\"0\")\n    Integer points;"))
                        .changes("alter_column customer.points"),
                RoundTripCase.of("@ColumnDefault changed changes the server default",
                                BASE.edit("Customer", "String notes;", "@ColumnDefault(\"'n/a'\")\n    String notes;"),
                                BASE.edit("Customer", "String notes;", "@ColumnDefault(\"'none'\")\n    String notes;"))
                        .changes("alter_column customer.notes"),
                RoundTripCase.of("@ColumnDefault removed drops the server default",
                                BASE.edit("Customer", "Integer points;", "@ColumnDefault(\"0\")\n    Integer points;"), BASE)
                        .changes("alter_column customer.points"),
                RoundTripCase.of("@GeneratedValue(IDENTITY) on an assigned id adds identity", BASE,
                                BASE.edit("Product", "@Id\n", "@Id\n    @GeneratedValue(strategy = GenerationType.IDENTITY)\n"))
                        .changes("alter_column product.id"),
                RoundTripCase.of("@Comment on an entity adds a table comment", BASE,
                                BASE.annotate("Product", "@Comment(\"Things we sell\")"))
                        .changes("create_table_comment product"),
                RoundTripCase.of("@Table(comment) changed changes the table comment",
                                BASE.edit("Product", PRODUCT_TABLE, "@Table(name = \"product\", comment = \"Things we sell\")"),
                                BASE.edit("Product", PRODUCT_TABLE, "@Table(name = \"product\", comment = \"Goods, priced\")"))
                        .changes("create_table_comment product"),
                RoundTripCase.of("a table comment removed drops it",
                                BASE.annotate("Product", "@Comment(\"Things we sell\")"), BASE)
                        .changes("drop_table_comment product"),
                RoundTripCase.of("@Comment on a field adds a column comment", BASE,
                                BASE.edit("Product", "    String sku;", "    @Comment(\"Stock keeping unit\")\n    String sku;"))
                        .changes("alter_column product.sku"),
                RoundTripCase.of("column comments changed and removed",
                                BASE.edit("Product", "    String sku;", "    @Comment(\"Stock keeping unit\")\n    String sku;")
                                        .edit("Product", TITLE, "@Column(nullable = false, comment = \"Shown on invoices\")"),
                                BASE.edit("Product", TITLE,
                                        "@Column(nullable = false, comment = \"Shown on invoices, \\\"as is\\\"\")"))
                        .changes("alter_column product.sku", "alter_column product.title"),
                RoundTripCase.of("String to Integer converts the column and its values",
                                BASE.field("Product", "@Column(length = 20)\nString code;"),
                                BASE.field("Product", "Integer code;"))
                        .changes("alter_column product.code")
                        .warns("conversion")
                        .rowsAtV1("INSERT INTO product (id, title, code) VALUES (1, 'Pen', '42'), (2, 'Ink', NULL)")
                        .expectAtV2("SELECT id, code FROM product ORDER BY id", "1|42", "2|null"),
                RoundTripCase.of("a larger precision widens a numeric column", BASE,
                                BASE.edit("PurchaseOrder", "precision = 10", "precision = 12"))
                        .changes("alter_column purchase_order.total"),
                RoundTripCase.of("a renamed column is a drop and an add, with a rename hint", BASE,
                                BASE.edit("Customer", "    String email;", "    @Column(name = \"mail\")\n    String email;"))
                        .changes("add_column customer.mail", "drop_column customer.email")
                        .warns("data-loss", "possible-rename"),
                RoundTripCase.of("NOT NULL and a default set together on an existing column", BASE,
                                BASE.edit("Customer", "Integer points;",
                                        "@Column(nullable = false)\n    @ColumnDefault(\"0\")\n    Integer points;"))
                        .changes("alter_column customer.points")
                        .warns("not-null-without-default"),
                RoundTripCase.of("boolean, timestamp, uuid and json columns with defaults", BASE,
                                BASE.field("Product", """
                                        @Column(nullable = false)
                                        @ColumnDefault("true")
                                        boolean active;

                                        @ColumnDefault("CURRENT_TIMESTAMP")
                                        Instant created;

                                        UUID ref;

                                        @JdbcTypeCode(SqlTypes.JSON)
                                        Map<String, Object> attributes;"""))
                        .changes("add_column product.active", "add_column product.created", "add_column product.ref",
                                "add_column product.attributes")
                        .rowsAtV1("INSERT INTO product (id, title) VALUES (1, 'Pen')")
                        .expectAtV2("SELECT active, created IS NOT NULL FROM product", "t|t"),
                RoundTripCase.of("a String[] field adds an array column", BASE,
                                BASE.field("Customer", "String[] aliases;"))
                        .changes("add_column customer.aliases"),
                RoundTripCase.of("a @Version field adds a NOT NULL column without default, with a warning", BASE,
                                BASE.field("Product", "@Version\nint version;"))
                        .changes("add_column product.version")
                        .warns("not-null-without-default"),
                RoundTripCase.of("an entity renamed is a drop and a create, with a rename hint", BASE.with("Tag", TAG),
                                BASE.with("Label", TAG.replace("class Tag", "class Label")))
                        .changes("drop_table tag", "create_table label")
                        .warns("data-loss", "possible-rename"));
    }
}
