package dev.retort.autogen;

import java.util.List;
import java.util.Map;

/**
 * Round-trip cases for what Hibernate derives tables and columns from: reserved words as names, the three
 * inheritance strategies, embeddables, element collections and many-to-many join tables.
 */
final class MappingCases {

    private static final Model BASE = Model.base();

    private static final String ADDRESS = """
            @Embeddable
            public class Address {
                @Column(length = 120)
                String street;

                @Column(length = 10)
                String zip;
            }
            """;

    private static final String QUOTED_USER = """
            @Entity
            @Table(name = "\\"user\\"")
            public class AppUser {
                @Id
                Long id;

                @Column(name = "\\"order\\"")
                Integer order;

                String name;
            }
            """;

    private static final String KEYWORD_USER = """
            @Entity
            @Table(name = "user", indexes = @Index(name = "ix_user_select", columnList = "select"))
            public class AppUser {
                @Id
                Long id;

                @Column(name = "select", length = 30)
                String select;
            }
            """;

    private static final Model PAYMENTS = BASE
            .with("Payment", """
                    @Entity
                    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                    @DiscriminatorColumn(name = "kind")
                    public abstract class Payment {
                        @Id
                        @GeneratedValue(strategy = GenerationType.IDENTITY)
                        Long id;

                        @Column(precision = 10, scale = 2)
                        BigDecimal amount;
                    }
                    """)
            .with("CardPayment", """
                    @Entity
                    @DiscriminatorValue("card")
                    public class CardPayment extends Payment {
                        @Column(length = 4)
                        String last4;
                    }
                    """);

    private static final String BANK_PAYMENT = """
            @Entity
            @DiscriminatorValue("bank")
            public class BankPayment extends Payment {
                @Column(length = 34)
                String iban;
            }
            """;

    private static final Model VEHICLES = BASE
            .with("Vehicle", """
                    @Entity
                    @Inheritance(strategy = InheritanceType.JOINED)
                    public class Vehicle {
                        @Id
                        @GeneratedValue(strategy = GenerationType.IDENTITY)
                        Long id;

                        String maker;
                    }
                    """)
            .with("Car", """
                    @Entity
                    public class Car extends Vehicle {
                        int seats;
                    }
                    """);

    private static final Model ANIMALS = BASE
            .with("Animal", """
                    @Entity
                    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
                    public abstract class Animal {
                        @Id
                        @GeneratedValue(strategy = GenerationType.SEQUENCE)
                        Long id;

                        String name;
                    }
                    """)
            .with("Dog", """
                    @Entity
                    public class Dog extends Animal {
                        boolean goodBoy;
                    }
                    """);

    private static final Model AUDITED = BASE
            .with("Audited", """
                    @MappedSuperclass
                    public abstract class Audited {
                        @Id
                        Long id;

                        Instant changedAt;
                    }
                    """)
            .with("Note", "@Entity\npublic class Note extends Audited {\n    String body;\n}\n")
            .with("Reminder", "@Entity\npublic class Reminder extends Audited {\n    LocalDate due;\n}\n");

    private static final Model WITH_ADDRESS = BASE.with("Address", ADDRESS).field("Customer", "@Embedded\nAddress address;");

    private static final Model ORDER_PRODUCTS = BASE.field("PurchaseOrder", """
            @ManyToMany
            @JoinTable(name = "order_product", joinColumns = @JoinColumn(name = "order_id"),
                    inverseJoinColumns = @JoinColumn(name = "product_id"))
            Set<Product> products;""");

    private MappingCases() {
    }

    static List<RoundTripCase> all() {
        return List.of(
                RoundTripCase.of("a table named \"user\" with a column named \"order\", quoted by hand", BASE,
                                BASE.with("AppUser", QUOTED_USER))
                        .changes("create_table user"),
                RoundTripCase.of("with auto_quote_keyword, a column named select and its index added to table user",
                                BASE.with("AppUser", KEYWORD_USER.replace(", indexes = @Index(name = \"ix_user_select\", "
                                        + "columnList = \"select\")", "").replace(
                                        "\n    @Column(name = \"select\", length = 30)\n    String select;\n", "\n")),
                                BASE.with("AppUser", KEYWORD_USER))
                        .settings(Map.of("hibernate.auto_quote_keyword", "true"))
                        .changes("add_column user.select", "create_index user ix_user_select"),
                RoundTripCase.of("a SINGLE_TABLE subclass adds its column to the root table", PAYMENTS,
                                PAYMENTS.with("BankPayment", """
                                        @Entity
                                        @DiscriminatorValue("bank")
                                        public class BankPayment extends Payment {
                                            @Column(length = 34)
                                            String iban;
                                        }
                                        """))
                        .changes("drop_constraint payment payment_kind_check", "add_column payment.iban",
                                "create_check_constraint payment payment_kind_check"),
                RoundTripCase.of("a third SINGLE_TABLE subclass extends the discriminator's check, restored exactly "
                                + "by the downgrade", PAYMENTS.with("BankPayment", BANK_PAYMENT),
                                PAYMENTS.with("BankPayment", BANK_PAYMENT).with("CashPayment", """
                                        @Entity
                                        @DiscriminatorValue("cash")
                                        public class CashPayment extends Payment {
                                        }
                                        """))
                        .changes("drop_constraint payment payment_kind_check",
                                "create_check_constraint payment payment_kind_check"),
                RoundTripCase.of("a JOINED subclass creates its table keyed to the root's", VEHICLES,
                                VEHICLES.with("Truck", """
                                        @Entity
                                        public class Truck extends Vehicle {
                                            @Column(precision = 8, scale = 1)
                                            BigDecimal payload;
                                        }
                                        """))
                        .changes("create_table truck"),
                RoundTripCase.of("a TABLE_PER_CLASS subclass creates a table with the inherited columns", ANIMALS,
                                ANIMALS.with("Cat", """
                                        @Entity
                                        public class Cat extends Animal {
                                            int lives;
                                        }
                                        """))
                        .changes("create_table cat"),
                RoundTripCase.of("an @Embedded field adds the embeddable's columns", BASE, WITH_ADDRESS)
                        .changes("add_column customer.zip", "add_column customer.street"),
                RoundTripCase.of("an @AttributeOverride renames an embedded column: add, then drop", WITH_ADDRESS,
                                WITH_ADDRESS.edit("Customer", "@Embedded\n", "@Embedded\n    @AttributeOverride(name = \"street\", "
                                        + "column = @Column(name = \"billing_street\", length = 80))\n"))
                        .changes("add_column customer.billing_street", "drop_column customer.street")
                        .warns("data-loss"),
                RoundTripCase.of("an @ElementCollection creates its collection table", BASE,
                                BASE.field("Customer", """
                                        @ElementCollection
                                        @CollectionTable(name = "customer_phone", joinColumns = @JoinColumn(name = "customer_id"))
                                        @Column(name = "phone", length = 30)
                                        Set<String> phones;"""))
                        .changes("create_table customer_phone"),
                RoundTripCase.of("a @ManyToMany with @JoinTable creates the join table", BASE, ORDER_PRODUCTS)
                        .changes("create_table order_product"),
                RoundTripCase.of("a removed @ManyToMany drops the join table", ORDER_PRODUCTS, BASE)
                        .changes("drop_table order_product")
                        .warns("data-loss"),
                RoundTripCase.of("an ordered @ElementCollection of embeddables creates its table", BASE.with("Address", ADDRESS),
                                BASE.with("Address", ADDRESS).field("Customer", """
                                        @ElementCollection
                                        @CollectionTable(name = "customer_address")
                                        @OrderColumn(name = "pos")
                                        List<Address> addresses;"""))
                        .changes("create_table customer_address"),
                RoundTripCase.of("SINGLE_TABLE to JOINED moves the subclass column into a table of its own", PAYMENTS,
                                PAYMENTS.edit("Payment", "InheritanceType.SINGLE_TABLE", "InheritanceType.JOINED"))
                        .changes("create_table cardpayment", "drop_column payment.last4")
                        .warns("data-loss"),
                RoundTripCase.of("a field added to a @MappedSuperclass adds a column to each entity", AUDITED,
                                AUDITED.field("Audited", "@Column(length = 40)\nString changedBy;"))
                        .changes("add_column note.changedby", "add_column reminder.changedby"),
                RoundTripCase.of("with globally quoted identifiers, a mixed-case table and its foreign key", BASE,
                                BASE.with("Tag", """
                                        @Entity
                                        public class Tag {
                                            @Id
                                            Long id;

                                            String displayName;
                                        }
                                        """).field("Customer", "@ManyToOne\nTag favouriteTag;"))
                        .settings(Map.of("hibernate.globally_quoted_identifiers", "true"))
                        .changes("create_table Tag", "add_column customer.favouriteTag_id",
                                "create_foreign_key customer FKbo997b4j06lm48raybv56yajr"),
                RoundTripCase.of("with snake_case naming, a camelCase entity and the relation to it", BASE,
                                BASE.with("LoyaltyCard", """
                                        @Entity
                                        public class LoyaltyCard {
                                            @Id
                                            Long id;

                                            @Column(length = 16)
                                            String cardNumber;

                                            LocalDate issuedOn;
                                        }
                                        """).field("Customer", "@ManyToOne\nLoyaltyCard loyaltyCard;"))
                        .physicalNaming("org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl")
                        .changes("create_table loyalty_card", "add_column customer.loyalty_card_id",
                                "create_foreign_key customer fkh0t6mfvrs1pobaln6ch4e38ob"));
    }
}
