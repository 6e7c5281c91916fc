package dev.retort.autogen;

import java.util.List;

/**
 * Round-trip cases at the edges: defaults PostgreSQL rewrites, every common basic type, text that needs
 * escaping in SQL and Java, reserved words in relations and checks, long names, an enum value used as it is added.
 */
final class EdgeCases {

    private static final Model BASE = Model.base();
    private static final String ORDER_CUSTOMER = "@ManyToOne\n    @JoinColumn(name = \"customer_id\")\n    Customer customer;";

    private static final String QUOTED_USER = """
            @Entity
            @Table(name = "\\"user\\"")
            public class AppUser {
                @Id
                Long id;

                @Column(name = "\\"order\\"")
                Integer order;
            }
            """;

    private static final Model USER_BUYER = BASE
            .with("AppUser", QUOTED_USER.replace("@Table",
                    "@Check(name = \"ck_user_order\", constraints = \"\\\"order\\\" >= 0\")\n@Table"))
            .field("PurchaseOrder", "@ManyToOne\n@JoinColumn(name = \"buyer_id\")\nAppUser buyer;");

    private static final String MOOD = "@Enumerated(EnumType.STRING)\n@JdbcTypeCode(SqlTypes.NAMED_ENUM)\nMood mood;";

    private EdgeCases() {
    }

    static List<RoundTripCase> all() {
        return List.of(
                RoundTripCase.of("a varchar with a default becomes text",
                                BASE.edit("Customer", "@Column(length = 200)",
                                        "@ColumnDefault(\"'n/a'\")\n    @Column(length = 200)"),
                                BASE.edit("Customer", "@Column(length = 200)",
                                        "@ColumnDefault(\"'n/a'\")\n    @Column(columnDefinition = \"text\")"))
                        .changes("alter_column customer.notes"),
                RoundTripCase.of("an Integer with a default becomes a Long",
                                BASE.edit("Customer", "Integer points;", "@ColumnDefault(\"0\")\n    Integer points;"),
                                BASE.edit("Customer", "Integer points;", "@ColumnDefault(\"0\")\n    Long points;"))
                        .changes("alter_column customer.points"),
                RoundTripCase.of("negative, decimal and boolean defaults", BASE, BASE.field("Customer", """
                                @ColumnDefault("-1")
                                Integer rank;

                                @ColumnDefault("0.00")
                                @Column(precision = 10, scale = 2)
                                BigDecimal balance;

                                @ColumnDefault("false")
                                Boolean vip;"""))
                        .changes("add_column customer.balance", "add_column customer.rank", "add_column customer.vip"),
                RoundTripCase.of("a negative default changed",
                                BASE.edit("Customer", "Integer points;", "@ColumnDefault(\"-1\")\n    Integer points;"),
                                BASE.edit("Customer", "Integer points;", "@ColumnDefault(\"-2\")\n    Integer points;"))
                        .changes("alter_column customer.points"),
                RoundTripCase.of("function defaults: gen_random_uuid(), now(), CURRENT_DATE", BASE, BASE.field("Product", """
                                @ColumnDefault("gen_random_uuid()")
                                UUID token;

                                @ColumnDefault("now()")
                                Instant seen;

                                @ColumnDefault("CURRENT_DATE")
                                LocalDate since;"""))
                        .changes("add_column product.since", "add_column product.seen", "add_column product.token"),
                RoundTripCase.of("every common basic type", BASE, BASE.field("Product", """
                                short small;
                                byte tiny;
                                long big;
                                float single;
                                double twice;
                                char letter;
                                byte[] data;
                                LocalTime at;
                                LocalDateTime local;
                                OffsetDateTime stamped;
                                ZonedDateTime zoned;
                                Duration span;
                                @Column(precision = 19, scale = 4)
                                BigDecimal money;
                                java.math.BigInteger huge;
                                @Lob
                                String blob;"""))
                        .changes("add_column product.at", "add_column product.huge", "add_column product.letter",
                                "add_column product.money", "add_column product.single", "add_column product.small",
                                "add_column product.span", "add_column product.tiny", "add_column product.twice",
                                "add_column product.big", "add_column product.local", "add_column product.stamped",
                                "add_column product.zoned", "add_column product.blob", "add_column product.data")
                        .warns("not-null-without-default", "not-null-without-default", "not-null-without-default",
                                "not-null-without-default", "not-null-without-default", "not-null-without-default"),
                RoundTripCase.of("a new entity with comments, an index, a unique constraint and a check", BASE,
                                BASE.with("Shelf", """
                                        @Entity
                                        @Table(name = "shelf", comment = "Where things stand",
                                                indexes = @Index(name = "ix_shelf_label", columnList = "label"),
                                                uniqueConstraints = @UniqueConstraint(columnNames = {"aisle", "position"}),
                                                check = @CheckConstraint(name = "ck_shelf_position", constraint = "position > 0"))
                                        public class Shelf {
                                            @Id
                                            Long id;

                                            @Comment("Printed on the shelf")
                                            @Column(length = 30)
                                            String label;

                                            int aisle;

                                            int position;
                                        }
                                        """))
                        .changes("create_table shelf"),
                RoundTripCase.of("comments with a backslash, quotes, a comment terminator and non-ASCII text", BASE,
                                BASE.annotate("Product", "@Comment(\"Price list \\\\ \\\"net\\\" */ caf\\u00e9\")")
                                        .edit("Product", "    String sku;",
                                                "    @Comment(\"\\u00fcber \\\\u0041 \\\"sku\\\"\")\n    String sku;"))
                        .changes("alter_column product.sku", "create_table_comment product"),
                RoundTripCase.of("a check on a reserved-word column and a foreign key to table \"user\"",
                                BASE.with("AppUser", QUOTED_USER), USER_BUYER)
                        .changes("add_column purchase_order.buyer_id", "create_check_constraint user ck_user_order",
                                "create_foreign_key purchase_order fkgdcjdgcxjjax5aa49ixwwiphs"),
                RoundTripCase.of("table \"user\" removed with the relation to it", USER_BUYER, BASE)
                        .changes("drop_constraint purchase_order fkgdcjdgcxjjax5aa49ixwwiphs",
                                "drop_table user", "drop_column purchase_order.buyer_id")
                        .warns("data-loss", "data-loss"),
                RoundTripCase.of("an entity removed with the relation pointing to it", BASE,
                                BASE.without("Customer").without("Tier").edit("PurchaseOrder", ORDER_CUSTOMER, ""))
                        .changes("drop_constraint purchase_order fk158vbkwgyf5r6ogk9nkugqv2c",
                                "drop_table customer", "drop_column purchase_order.customer_id")
                        .warns("data-loss", "data-loss"),
                RoundTripCase.of("a column-level @Check gets PostgreSQL's name", BASE,
                                BASE.edit("Customer", "Integer points;", "@Check(constraints = \"points >= 0\")\n    Integer points;"))
                        .changes("create_check_constraint customer customer_points_check"),
                RoundTripCase.of("an unnamed two-column @UniqueConstraint gets PostgreSQL's name", BASE,
                                BASE.edit("Customer", "@Table(name = \"customer\")", "@Table(name = \"customer\", uniqueConstraints = "
                                        + "@UniqueConstraint(columnNames = {\"name\", \"city\"}))"))
                        .changes("create_unique_constraint customer customer_name_city_key"),
                RoundTripCase.of("a table name longer than 63 bytes, with a unique column", BASE,
                                BASE.with("LongName", """
                                        @Entity
                                        @Table(name = "a_table_name_that_is_much_longer_than_postgresql_allows_for_identifiers")
                                        public class LongName {
                                            @Id
                                            Long id;

                                            @Column(unique = true, length = 20)
                                            String code;
                                        }
                                        """))
                        .changes("create_table a_table_name_that_is_much_longer_than_postgresql_allows_for_ide"),
                RoundTripCase.of("an identity id switched to a sequence",
                                BASE.edit("Product", "@Id\n", "@Id\n    @GeneratedValue(strategy = GenerationType.IDENTITY)\n"),
                                BASE.edit("Product", "@Id\n", "@Id\n    @GeneratedValue(strategy = GenerationType.SEQUENCE)\n"))
                        .changes("create_sequence product_seq", "alter_column product.id"),
                RoundTripCase.of("a NAMED_ENUM value added and used as a new column's default",
                                BASE.with("Mood", "public enum Mood { HAPPY, SAD }").field("Customer", MOOD),
                                BASE.with("Mood", "public enum Mood { HAPPY, SAD, OK }").field("Customer", MOOD)
                                        .field("Customer", "@Enumerated(EnumType.STRING)\n@JdbcTypeCode(SqlTypes.NAMED_ENUM)\n"
                                                + "@ColumnDefault(\"'OK'\")\nMood usualMood;"))
                        .changes("add_enum_value mood", "add_column customer.usualmood")
                        .refusesDowngrade());
    }
}
