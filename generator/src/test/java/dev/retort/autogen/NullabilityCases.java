package dev.retort.autogen;

import java.util.List;

/**
 * Round-trip cases for columns whose nullability Hibernate decides only while its session factory starts: creating
 * a property's value generator ({@code @CreationTimestamp}, {@code @UpdateTimestamp}, {@code @CurrentTimestamp} on
 * insert, an application's own) makes its column {@code not null} wherever the property is mapped.
 */
final class NullabilityCases {

    private static final Model BASE = Model.base();

    /** An application's generator that, like Hibernate's timestamp generators, makes its column NOT NULL. */
    private static final Model WITH_STAMPER = BASE
            .with("Stamped", """
                    @org.hibernate.annotations.ValueGenerationType(generatedBy = Stamper.class)
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    public @interface Stamped {
                    }
                    """)
            .with("Stamper", """
                    public class Stamper implements org.hibernate.generator.BeforeExecutionGenerator {
                        public Stamper(Stamped annotation, org.hibernate.generator.GeneratorCreationContext context) {
                            context.getProperty().getValue().getColumns().get(0).setNullable(false);
                        }

                        @Override
                        public Object generate(org.hibernate.engine.spi.SharedSessionContractImplementor session,
                                               Object owner, Object current, EventType eventType) {
                            return "stamped";
                        }

                        @Override
                        public java.util.EnumSet<EventType> getEventTypes() {
                            return org.hibernate.generator.EventTypeSets.INSERT_ONLY;
                        }
                    }
                    """);

    private static final String NOTE = """
            @Entity
            @SecondaryTable(name = "note_detail")
            public class Note {
                @Id
                Long id;

                String body;

                @Embedded
                Audit audit;

                @Column(table = "note_detail")
                @CreationTimestamp
                Instant detailedAt;
            }
            """;

    private static final String AUDIT = """
            @Embeddable
            public class Audit {
                @CreationTimestamp
                Instant createdAt;

                @UpdateTimestamp
                Instant changedAt;

                @Column(length = 40)
                String changedBy;
            }
            """;

    private NullabilityCases() {
    }

    static List<RoundTripCase> all() {
        return List.of(
                RoundTripCase.of("@CreationTimestamp adds a NOT NULL column, even with nullable = true", BASE,
                                BASE.field("Product", "@CreationTimestamp\nInstant createdAt;")
                                        .field("Product", "@CreationTimestamp\n@Column(nullable = true)\nLocalDateTime listedAt;"))
                        .changes("add_column product.createdat", "add_column product.listedat")
                        .warns("not-null-without-default", "not-null-without-default"),
                RoundTripCase.of("@UpdateTimestamp on an existing column sets NOT NULL and keeps the rows",
                                BASE.field("Customer", "LocalDateTime updatedAt;"),
                                BASE.field("Customer", "@UpdateTimestamp\nLocalDateTime updatedAt;"))
                        .changes("alter_column customer.updatedat")
                        .warns("not-null-without-default")
                        .rowsAtV1("INSERT INTO customer (name, city, updatedat) VALUES ('Ada', 'London', now())")
                        .expectAtV2("SELECT name, updatedat IS NOT NULL FROM customer", "Ada|t"),
                RoundTripCase.of("@CreationTimestamp removed relaxes NOT NULL",
                                BASE.field("Product", "@CreationTimestamp\nInstant createdAt;"),
                                BASE.field("Product", "Instant createdAt;"))
                        .changes("alter_column product.createdat"),
                RoundTripCase.of("@CurrentTimestamp on update only is nullable, on insert and update NOT NULL",
                                BASE.field("Product", "@CurrentTimestamp(event = EventType.UPDATE)\nInstant seenAt;"),
                                BASE.field("Product", "@CurrentTimestamp\nInstant seenAt;"))
                        .changes("alter_column product.seenat")
                        .warns("not-null-without-default"),
                RoundTripCase.of("timestamps in an embeddable and on a secondary table are NOT NULL", BASE,
                                BASE.with("Note", NOTE).with("Audit", AUDIT))
                        .changes("create_table note", "create_table note_detail"),
                RoundTripCase.of("timestamps on a single-table subclass are NOT NULL in the shared table", BASE,
                                BASE.with("Animal", """
                                                @Entity
                                                @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                                                public class Animal {
                                                    @Id
                                                    Long id;
                                                }
                                                """)
                                        .with("Dog", """
                                                @Entity
                                                public class Dog extends Animal {
                                                    @UpdateTimestamp
                                                    Instant walkedAt;

                                                    @Embedded
                                                    Audit audit;
                                                }
                                                """)
                                        .with("Audit", AUDIT))
                        .changes("create_table animal"),
                RoundTripCase.of("an application's value generator that makes its column NOT NULL", WITH_STAMPER,
                                WITH_STAMPER.field("Product", "@Stamped\n@Column(length = 20)\nString stamp;"))
                        .changes("add_column product.stamp")
                        .warns("not-null-without-default"));
    }
}
