package dev.retort.autogen;

import java.util.Map;
import java.util.TreeMap;

/**
 * One version of the round trip's entity model: Java sources by simple class name, all in package
 * {@link #PACKAGE} with the same imports. Edits return a new model and fail loudly when the text they change is
 * not there, so a case cannot silently test nothing.
 */
record Model(Map<String, String> classes) {

    static final String PACKAGE = "rt.model";

    private static final String HEADER = """
            package rt.model;

            import jakarta.persistence.*;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;
            import java.util.UUID;
            import org.hibernate.annotations.Check;
            import org.hibernate.annotations.ColumnDefault;
            import org.hibernate.annotations.Comment;
            import org.hibernate.annotations.CreationTimestamp;
            import org.hibernate.annotations.CurrentTimestamp;
            import org.hibernate.annotations.JdbcTypeCode;
            import org.hibernate.annotations.OnDelete;
            import org.hibernate.annotations.OnDeleteAction;
            import org.hibernate.annotations.UpdateTimestamp;
            import org.hibernate.generator.EventType;
            import org.hibernate.type.SqlTypes;

            """;

    Model {
        classes = Map.copyOf(classes);
    }

    /**
     * The base model most cases start from: customers (identity id, strings of several lengths, a string enum),
     * purchase orders (a sequence with allocation size 50, a many-to-one to customer) and products (an assigned
     * id).
     */
    static Model base() {
        return new Model(Map.of(
                "Tier", "public enum Tier { BRONZE, SILVER }",
                "Customer", """
                        @Entity
                        @Table(name = "customer")
                        public class Customer {
                            @Id
                            @GeneratedValue(strategy = GenerationType.IDENTITY)
                            Long id;

                            @Column(nullable = false, length = 100)
                            String name;

                            @Column(length = 50)
                            String nickname;

                            String email;

                            @Column(nullable = false)
                            String city;

                            Integer points;

                            @Column(length = 200)
                            String notes;

                            @Enumerated(EnumType.STRING)
                            Tier tier;
                        }
                        """,
                "PurchaseOrder", """
                        @Entity
                        @Table(name = "purchase_order")
                        public class PurchaseOrder {
                            @Id
                            @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_ids")
                            @SequenceGenerator(name = "order_ids", sequenceName = "purchase_order_seq", allocationSize = 50)
                            Long id;

                            @ManyToOne
                            @JoinColumn(name = "customer_id")
                            Customer customer;

                            LocalDate placed;

                            @Column(precision = 10, scale = 2)
                            BigDecimal total;
                        }
                        """,
                "Product", """
                        @Entity
                        @Table(name = "product")
                        public class Product {
                            @Id
                            Long id;

                            @Column(nullable = false)
                            String title;

                            String sku;

                            @Column(precision = 10, scale = 2)
                            BigDecimal price;
                        }
                        """));
    }

    /** Replaces the one occurrence of {@code from} in class {@code name}. */
    Model edit(String name, String from, String to) {
        String source = source(name);
        int at = source.indexOf(from);
        if (at < 0 || source.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("Class " + name + " does not contain exactly one '" + from + "':\n" + source);
        }
        return with(name, source.substring(0, at) + to + source.substring(at + from.length()));
    }

    /** Adds a member (field with its annotations) at the end of class {@code name}. */
    Model field(String name, String member) {
        String source = source(name).stripTrailing();
        if (!source.endsWith("}")) {
            throw new IllegalArgumentException("Class " + name + " does not end with '}'");
        }
        return with(name, source.substring(0, source.length() - 1) + "\n    " + member.strip().replace("\n", "\n    ")
                + "\n}\n");
    }

    /** Puts {@code annotation} on class {@code name}, before its {@code @Entity}. */
    Model annotate(String name, String annotation) {
        return edit(name, "@Entity\n", annotation.strip() + "\n@Entity\n");
    }

    /** Adds or replaces class {@code name}; {@code source} starts at its annotations (no package or imports). */
    Model with(String name, String source) {
        Map<String, String> copy = new TreeMap<>(classes);
        copy.put(name, source);
        return new Model(copy);
    }

    Model without(String name) {
        source(name);
        Map<String, String> copy = new TreeMap<>(classes);
        copy.remove(name);
        return new Model(copy);
    }

    /** The complete compilation units by fully qualified class name. */
    Map<String, String> compilationUnits() {
        Map<String, String> out = new TreeMap<>();
        classes.forEach((name, body) -> out.put(PACKAGE + "." + name, HEADER + body));
        return out;
    }

    private String source(String name) {
        String source = classes.get(name);
        if (source == null) {
            throw new IllegalArgumentException("No class " + name + " in the model; it has " + classes.keySet());
        }
        return source;
    }
}
