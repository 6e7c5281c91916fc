package dev.retort.autogen;

import java.util.List;

/** Round-trip cases for indexes, unique, check and foreign key constraints, sequences and enum types. */
final class KeyCases {

    private static final Model BASE = Model.base();
    private static final String CUSTOMER_TABLE = "@Table(name = \"customer\")";
    private static final String ORDER_CUSTOMER = "@ManyToOne\n    @JoinColumn(name = \"customer_id\")\n    Customer customer;";

    private static final Model EMAIL_INDEX = BASE.edit("Customer", CUSTOMER_TABLE,
            "@Table(name = \"customer\", indexes = @Index(name = \"ix_customer_email\", columnList = \"email\"))");
    private static final Model TOTAL_CHECK = BASE.annotate("PurchaseOrder",
            "@Check(name = \"ck_order_total\", constraints = \"total >= 0\")");
    private static final String MOOD_FIELD = "@Enumerated(EnumType.STRING)\n@JdbcTypeCode(SqlTypes.NAMED_ENUM)\nMood mood;";
    private static final Model MOOD = BASE.with("Mood", "public enum Mood { HAPPY, SAD }").field("Customer", MOOD_FIELD);

    private static final String AUTHOR = """
            @Entity
            public class Author {
                @Id
                Long id;

                @ManyToOne
                Book favourite;
            }
            """;

    private static final String BOOK = """
            @Entity
            public class Book {
                @Id
                Long id;

                @ManyToOne
                Author author;
            }
            """;

    private static final Model LINES = BASE
            .with("LineId", """
                    @Embeddable
                    public class LineId implements java.io.Serializable {
                        long orderId;

                        int lineNo;
                    }
                    """)
            .with("LineItem", """
                    @Entity
                    @Table(name = "line_item")
                    public class LineItem {
                        @EmbeddedId
                        LineId id;

                        int quantity;
                    }
                    """);

    private KeyCases() {
    }

    static List<RoundTripCase> all() {
        return List.of(
                RoundTripCase.of("@Index added creates the index", BASE, EMAIL_INDEX)
                        .changes("create_index customer ix_customer_email"),
                RoundTripCase.of("@Index removed drops the index", EMAIL_INDEX, BASE)
                        .changes("drop_index customer ix_customer_email"),
                RoundTripCase.of("a multi-column index with its columns reordered is recreated",
                                BASE.edit("Customer", CUSTOMER_TABLE, "@Table(name = \"customer\", indexes = "
                                        + "@Index(name = \"ix_customer_name_city\", columnList = \"name, city\"))"),
                                BASE.edit("Customer", CUSTOMER_TABLE, "@Table(name = \"customer\", indexes = "
                                        + "@Index(name = \"ix_customer_name_city\", columnList = \"city, name desc\"))"))
                        .changes("drop_index customer ix_customer_name_city", "create_index customer ix_customer_name_city"),
                RoundTripCase.of("@Column(unique = true) adds a unique constraint", BASE,
                                BASE.edit("Product", "    String sku;", "    @Column(unique = true)\n    String sku;"))
                        .changes("create_unique_constraint product product_sku_key"),
                RoundTripCase.of("@UniqueConstraint over two columns added", BASE,
                                BASE.edit("Customer", CUSTOMER_TABLE, "@Table(name = \"customer\", uniqueConstraints = "
                                        + "@UniqueConstraint(name = \"uk_customer_name_city\", columnNames = {\"name\", \"city\"}))"))
                        .changes("create_unique_constraint customer uk_customer_name_city"),
                RoundTripCase.of("@UniqueConstraint removed drops the constraint",
                                BASE.edit("Customer", CUSTOMER_TABLE, "@Table(name = \"customer\", uniqueConstraints = "
                                        + "@UniqueConstraint(name = \"uk_customer_name_city\", columnNames = {\"name\", \"city\"}))"),
                                BASE)
                        .changes("drop_constraint customer uk_customer_name_city"),
                RoundTripCase.of("@Check added creates the check constraint", BASE, TOTAL_CHECK)
                        .changes("create_check_constraint purchase_order ck_order_total"),
                RoundTripCase.of("@Check changed recreates the check constraint", TOTAL_CHECK,
                                TOTAL_CHECK.edit("PurchaseOrder", "total >= 0", "total > 0 and total < 1000000"))
                        .changes("drop_constraint purchase_order ck_order_total",
                                "create_check_constraint purchase_order ck_order_total"),
                RoundTripCase.of("@Check removed drops the check constraint", TOTAL_CHECK, BASE)
                        .changes("drop_constraint purchase_order ck_order_total"),
                RoundTripCase.of("a value added to a string enum changes its derived check", BASE,
                                BASE.with("Tier", "public enum Tier { BRONZE, SILVER, GOLD }"))
                        .changes("drop_constraint customer customer_tier_check",
                                "create_check_constraint customer customer_tier_check"),
                RoundTripCase.of("a new @ManyToOne adds its column and foreign key", BASE,
                                BASE.field("PurchaseOrder", "@ManyToOne\n@JoinColumn(name = \"product_id\")\nProduct product;"))
                        .changes("add_column purchase_order.product_id",
                                "create_foreign_key purchase_order fkorudvkngcr1iy3dkrnfqxgy6n"),
                RoundTripCase.of("a removed @ManyToOne drops its foreign key, then its column", BASE,
                                BASE.edit("PurchaseOrder", ORDER_CUSTOMER, ""))
                        .changes("drop_constraint purchase_order fk158vbkwgyf5r6ogk9nkugqv2c",
                                "drop_column purchase_order.customer_id")
                        .warns("data-loss"),
                RoundTripCase.of("@OnDelete(CASCADE) recreates the foreign key with ON DELETE CASCADE", BASE,
                                BASE.edit("PurchaseOrder", ORDER_CUSTOMER,
                                        "@ManyToOne\n    @JoinColumn(name = \"customer_id\")\n    "
                                                + "@OnDelete(action = OnDeleteAction.CASCADE)\n    Customer customer;"))
                        .changes("drop_constraint purchase_order fk158vbkwgyf5r6ogk9nkugqv2c",
                                "create_foreign_key purchase_order fk158vbkwgyf5r6ogk9nkugqv2c"),
                RoundTripCase.of("a sequence-generated id creates the entity's sequence", BASE,
                                BASE.edit("Product", "@Id\n", "@Id\n    @GeneratedValue(strategy = GenerationType.SEQUENCE)\n"))
                        .changes("create_sequence product_seq"),
                RoundTripCase.of("a changed allocationSize alters the sequence's increment", BASE,
                                BASE.edit("PurchaseOrder", "allocationSize = 50", "allocationSize = 10"))
                        .changes("alter_sequence purchase_order_seq"),
                RoundTripCase.of("a NAMED_ENUM field creates the enum type and its column", BASE, MOOD)
                        .changes("create_enum mood", "add_column customer.mood"),
                RoundTripCase.of("a value added to a NAMED_ENUM extends the type and cannot be downgraded", MOOD,
                                MOOD.with("Mood", "public enum Mood { HAPPY, SAD, OK }"))
                        .changes("add_enum_value mood")
                        .refusesDowngrade(),
                RoundTripCase.of("a string enum becomes a NAMED_ENUM: its check goes, its type is created and used",
                                BASE.with("Mood", "public enum Mood { HAPPY, SAD }")
                                        .field("Customer", "@Enumerated(EnumType.STRING)\nMood mood;"),
                                MOOD)
                        .changes("drop_constraint customer customer_mood_check", "create_enum mood", "alter_column customer.mood")
                        .warns("conversion")
                        .rowsAtV1("INSERT INTO customer (name, city, mood) VALUES ('Ada', 'London', 'SAD')")
                        .expectAtV2("SELECT name, mood FROM customer", "Ada|SAD"),
                RoundTripCase.of("a NAMED_ENUM class renamed creates the new type, converts the column, drops the old type",
                                MOOD, BASE.with("Feeling", "public enum Feeling { HAPPY, SAD }")
                                        .field("Customer", MOOD_FIELD.replace("Mood mood", "Feeling mood")))
                        .changes("create_enum feeling", "alter_column customer.mood", "drop_enum mood")
                        .warns("conversion")
                        .rowsAtV1("INSERT INTO customer (name, city, mood) VALUES ('Ada', 'London', 'SAD')")
                        .expectAtV2("SELECT name, mood FROM customer", "Ada|SAD"),
                RoundTripCase.of("a NAMED_ENUM field removed drops its column, then the type", MOOD, BASE)
                        .changes("drop_column customer.mood", "drop_enum mood")
                        .warns("data-loss"),
                RoundTripCase.of("a value added to an ORDINAL enum changes its range check",
                                BASE.with("Priority", "public enum Priority { LOW, HIGH }")
                                        .field("Product", "@Enumerated(EnumType.ORDINAL)\nPriority priority;"),
                                BASE.with("Priority", "public enum Priority { LOW, MEDIUM, HIGH }")
                                        .field("Product", "@Enumerated(EnumType.ORDINAL)\nPriority priority;"))
                        .changes("drop_constraint product product_priority_check",
                                "create_check_constraint product product_priority_check"),
                RoundTripCase.of("a sequence generator removed drops the sequence",
                                BASE.edit("Product", "@Id\n", "@Id\n    @GeneratedValue(strategy = GenerationType.SEQUENCE)\n"), BASE)
                        .changes("drop_sequence product_seq")
                        .warns("data-loss"),
                RoundTripCase.of("a changed initialValue alters the sequence's start", BASE,
                                BASE.edit("PurchaseOrder", "allocationSize = 50", "allocationSize = 50, initialValue = 1000"))
                        .changes("alter_sequence purchase_order_seq"),
                RoundTripCase.of("a unique constraint over other columns under the same name is recreated",
                                BASE.edit("Customer", CUSTOMER_TABLE, "@Table(name = \"customer\", uniqueConstraints = "
                                        + "@UniqueConstraint(name = \"uk_customer_name_city\", columnNames = {\"name\", \"city\"}))"),
                                BASE.edit("Customer", CUSTOMER_TABLE, "@Table(name = \"customer\", uniqueConstraints = "
                                        + "@UniqueConstraint(name = \"uk_customer_name_city\", columnNames = {\"name\", \"email\"}))"))
                        .changes("drop_constraint customer uk_customer_name_city",
                                "create_unique_constraint customer uk_customer_name_city"),
                RoundTripCase.of("an @Index made unique becomes a unique constraint of that name", EMAIL_INDEX,
                                EMAIL_INDEX.edit("Customer", "columnList = \"email\"", "columnList = \"email\", unique = true"))
                        .changes("drop_index customer ix_customer_email", "create_unique_constraint customer ix_customer_email"),
                RoundTripCase.of("a @OneToOne to a new entity creates it, then a unique foreign key column", BASE,
                                BASE.with("Card", """
                                        @Entity
                                        public class Card {
                                            @Id
                                            Long id;

                                            @Column(length = 16)
                                            String number;
                                        }
                                        """).field("Customer", "@OneToOne\n@JoinColumn(name = \"card_id\")\nCard card;"))
                        .changes("create_table card", "add_column customer.card_id",
                                "create_unique_constraint customer customer_card_id_key",
                                "create_foreign_key customer fk7nc68mrrd2x6jx9s6aeddh5u5"),
                RoundTripCase.of("two new entities referencing each other", BASE, BASE.with("Author", AUTHOR).with("Book", BOOK))
                        .changes("create_table book", "create_table author",
                                "create_foreign_key book fk5gbo4o7yxefxivwuqjichc67t"),
                RoundTripCase.of("two removed entities referencing each other",
                                BASE.with("Author", AUTHOR).with("Book", BOOK), BASE)
                        .changes("drop_constraint author fk5h34uk5nl0rmg7rp1ld9tbevx",
                                "drop_constraint book fk5gbo4o7yxefxivwuqjichc67t",
                                "drop_table author", "drop_table book")
                        .warns("data-loss", "data-loss"),
                RoundTripCase.of("a column added to an @EmbeddedId changes the primary key", LINES,
                                LINES.edit("LineId", "int lineNo;", "int lineNo;\n\n    int variant;"))
                        .changes("drop_constraint line_item line_item_pkey", "add_column line_item.variant",
                                "create_primary_key line_item line_item_pkey")
                        .warns("not-null-without-default"));
    }
}
