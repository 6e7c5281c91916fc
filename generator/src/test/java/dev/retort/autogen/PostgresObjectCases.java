package dev.retort.autogen;

import java.util.List;

/**
 * Round-trip cases for PostgreSQL objects that Hibernate 7's annotations create: named table checks
 * ({@code @Check(name = ...)}), column collations ({@code @Collate}), generated columns ({@code @GeneratedColumn})
 * and views ({@code @View}).
 */
final class PostgresObjectCases {

    private static final Model BASE = Model.base();

    private PostgresObjectCases() {
    }

    private static final String COLLATE = "@org.hibernate.annotations.Collate";
    private static final String GENERATED = "@org.hibernate.annotations.GeneratedColumn";

    private static Model collated(String collation) {
        return BASE.edit("Product", "String sku;", COLLATE + "(\"" + collation + "\")\n    String sku;");
    }

    private static Model doubled(String expression) {
        return BASE.field("Product", GENERATED + "(\"" + expression + "\") BigDecimal doubled;");
    }

    private static Model indexed(Model model) {
        return model.edit("Product", "@Table(name = \"product\")",
                "@Table(name = \"product\", indexes = @Index(name = \"ix_product_doubled\", columnList = \"doubled\"))");
    }

    private static Model withView(String query) {
        return BASE.with("ProductTitle", """
                @Entity
                @org.hibernate.annotations.Immutable
                @org.hibernate.annotations.View(query = "%s")
                public class ProductTitle {
                    @Id
                    Long id;

                    String title;
                }
                """.formatted(query));
    }

    static List<RoundTripCase> all() {
        return List.of(
                RoundTripCase.of("a named table check, added",
                                BASE, BASE.annotate("Product", "@Check(name = \"ck_product_price\", constraints = \"price >= 0\")"))
                        .changes("create_check_constraint product ck_product_price"),
                RoundTripCase.of("a named table check, changed",
                                BASE.annotate("Product", "@Check(name = \"ck_product_price\", constraints = \"price >= 0\")"),
                                BASE.annotate("Product", "@Check(name = \"ck_product_price\", constraints = \"price > 0\")"))
                        .changes("drop_constraint product ck_product_price", "create_check_constraint product ck_product_price"),
                RoundTripCase.of("a collation on a column, added", BASE, collated("C"))
                        .changes("alter_column product.sku")
                        .rowsAtV1("INSERT INTO product (id, title, sku) VALUES (1, 'Pen', 'b'), (2, 'Ink', 'B')")
                        .expectAtV2("SELECT sku FROM product ORDER BY sku", "B", "b"),
                RoundTripCase.of("a collation on a column, changed", collated("C"), collated("POSIX"))
                        .changes("alter_column product.sku"),
                RoundTripCase.of("a collation on a column, removed", collated("C"), BASE)
                        .changes("alter_column product.sku"),
                RoundTripCase.of("a column with a collation, lengthened (the collation stays)",
                                collated("C"), collated("C").edit("Product", "String sku;", "@Column(length = 300) String sku;"))
                        .changes("alter_column product.sku")
                        .rowsAtV1("INSERT INTO product (id, title, sku) VALUES (1, 'Pen', 'b'), (2, 'Ink', 'B')")
                        .expectAtV2("SELECT sku FROM product ORDER BY sku", "B", "b"),
                RoundTripCase.of("a column with a collation, added",
                                BASE, BASE.field("Product", COLLATE + "(\"POSIX\") String code;"))
                        .changes("add_column product.code"),
                RoundTripCase.of("a generated column, added", BASE, doubled("price * 2"))
                        .changes("add_column product.doubled")
                        .rowsAtV1("INSERT INTO product (id, title, price) VALUES (1, 'Pen', 1.50)")
                        .expectAtV2("SELECT doubled FROM product", "3.00"),
                RoundTripCase.of("a generated column's expression, changed, with an index over it",
                                indexed(doubled("price * 2")), indexed(doubled("price * 3")))
                        .changes("drop_index product ix_product_doubled", "drop_column product.doubled",
                                "add_column product.doubled", "create_index product ix_product_doubled")
                        .rowsAtV1("INSERT INTO product (id, title, price) VALUES (1, 'Pen', 1.50)")
                        .expectAtV2("SELECT doubled FROM product", "4.50"),
                RoundTripCase.of("an ordinary column becomes generated",
                                BASE.field("Product", "BigDecimal doubled;"), doubled("price * 2"))
                        .changes("drop_column product.doubled", "add_column product.doubled")
                        .warns("data-loss")
                        .rowsAtV1("INSERT INTO product (id, title, price, doubled) VALUES (1, 'Pen', 1.50, 7)")
                        .expectAtV2("SELECT doubled FROM product", "3.00"),
                RoundTripCase.of("a generated column stops being generated",
                                doubled("price * 2"), BASE.field("Product", "BigDecimal doubled;"))
                        .changes("drop_column product.doubled", "add_column product.doubled")
                        .warns("data-loss"),
                RoundTripCase.of("a generated column and the column it is computed from, dropped together",
                                doubled("price * 2"), BASE.edit("Product", "@Column(precision = 10, scale = 2)\n    BigDecimal price;", ""))
                        .changes("drop_column product.doubled", "drop_column product.price")
                        .warns("data-loss", "data-loss"),
                RoundTripCase.of("a string column becomes a @Lob (a large object), its values moved into one each",
                                BASE, BASE.edit("Customer", "@Column(length = 200)\n    String notes;",
                                        "@Lob\n    String notes;"))
                        .changes("alter_column customer.notes")
                        .warns("conversion")
                        .rowsAtV1("INSERT INTO customer (name, city, notes) VALUES ('Ann', 'Oslo', 'likes tea'), "
                                + "('Bo', 'Rome', NULL)")
                        .expectAtV2("SELECT name, convert_from(lo_get(notes), 'UTF8') FROM customer ORDER BY name",
                                "Ann|likes tea", "Bo|null"),
                RoundTripCase.of("a view entity, added", BASE, withView("select id, title from product"))
                        .changes("create_view producttitle"),
                RoundTripCase.of("a view entity's query, changed",
                                withView("select id, title from product"),
                                withView("select id, upper(title) as title from product"))
                        .changes("drop_view producttitle", "create_view producttitle"),
                RoundTripCase.of("a view entity, removed", withView("select id, title from product"), BASE)
                        .changes("drop_view producttitle"),
                RoundTripCase.of("a column a view reads, re-typed (the view goes and comes back)",
                                withView("select id, title from product"),
                                withView("select id, title from product")
                                        .edit("Product", "@Column(nullable = false)\n    String title;",
                                                "@Column(nullable = false, length = 400)\n    String title;"))
                        .changes("drop_view producttitle", "alter_column product.title", "create_view producttitle")
                        .rowsAtV1("INSERT INTO product (id, title) VALUES (1, 'Pen')")
                        .expectAtV2("SELECT title FROM producttitle", "Pen"),
                RoundTripCase.of("a view over a new table, both added",
                                BASE, BASE.with("Shelf", """
                                        @Entity
                                        public class Shelf {
                                            @Id
                                            Long id;

                                            String label;
                                        }
                                        """).with("ShelfLabel", """
                                        @Entity
                                        @org.hibernate.annotations.Immutable
                                        @Table(name = "shelf_label")
                                        @org.hibernate.annotations.View(query = "select id, label from Shelf")
                                        public class ShelfLabel {
                                            @Id
                                            Long id;

                                            String label;
                                        }
                                        """))
                        .changes("create_table shelf", "create_view shelf_label"));
    }
}
