package dev.retort.autogen;

import java.util.List;
import java.util.Map;

/**
 * Round-trip cases whose operations only apply in the order of the dependencies between them: foreign keys
 * over keys that are dropped, re-created or re-typed, across tables that are dropped, and several levels deep.
 */
final class DependencyCases {

    private static final Model VARIATION = new Model(Map.of(
            "Variation", """
                    @Entity
                    public class Variation {
                        @Id
                        @Column(name = "old_id")
                        Long id;
                    }
                    """,
            "Link", """
                    @Entity
                    public class Link {
                        @Id
                        Long id;

                        @ManyToOne
                        Variation variation;
                    }
                    """));

    /** Country ← City ← Street, each referencing the one before by its id. */
    private static final Model THREE_LEVELS = new Model(Map.of(
            "Country", """
                    @Entity
                    public class Country {
                        @Id
                        Integer id;
                    }
                    """,
            "City", """
                    @Entity
                    public class City {
                        @Id
                        Long id;

                        @ManyToOne
                        Country country;
                    }
                    """,
            "Street", """
                    @Entity
                    public class Street {
                        @Id
                        Long id;

                        @ManyToOne
                        City city;
                    }
                    """));

    /** A foreign key onto a unique column that is not the primary key. */
    private static final Model BY_CODE = new Model(Map.of(
            "Warehouse", """
                    @Entity
                    public class Warehouse {
                        @Id
                        Long id;

                        @Column(unique = true, nullable = false, length = 8)
                        String code;
                    }
                    """,
            "Shelf", """
                    @Entity
                    public class Shelf {
                        @Id
                        Long id;

                        @ManyToOne
                        @JoinColumn(name = "warehouse_code", referencedColumnName = "code")
                        Warehouse warehouse;
                    }
                    """));

    private DependencyCases() {
    }

    static List<RoundTripCase> all() {
        return List.of(
                RoundTripCase.of("a referencing table dropped while the referenced key changes column: the foreign key "
                                + "goes first, and comes back last on the way down",
                                VARIATION, VARIATION.without("Link").edit("Variation", "old_id", "new_id"))
                        .changes("drop_table link", "drop_constraint variation variation_pkey", "add_column variation.new_id",
                                "drop_column variation.old_id", "create_primary_key variation variation_pkey")
                        .warns("data-loss", "not-null-without-default", "data-loss", "possible-rename"),
                RoundTripCase.of("a referenced id changes type: the foreign key is dropped around both type changes",
                                VARIATION, VARIATION.edit("Variation", "Long id;", "String id;"))
                        .changes("drop_constraint link fkc7iij9tj18qn592dj1aijpsf5", "alter_column link.variation_old_id",
                                "alter_column variation.old_id", "create_foreign_key link fkc7iij9tj18qn592dj1aijpsf5")
                        .warns("conversion", "conversion")
                        .rowsAtV1("INSERT INTO variation (old_id) VALUES (7)",
                                "INSERT INTO link (id, variation_old_id) VALUES (1, 7)")
                        .expectAtV2("SELECT l.id, v.old_id FROM link l JOIN variation v ON v.old_id = l.variation_old_id",
                                "1|7"),
                RoundTripCase.of("three levels: the leaf dropped, the middle re-keyed, the root re-typed",
                                THREE_LEVELS,
                                THREE_LEVELS.without("Street")
                                        .edit("City", "@Id\n    Long id;", "@Id\n    @Column(name = \"city_no\")\n    Long id;")
                                        .edit("Country", "Integer id;", "Long id;"))
                        .changes("drop_constraint city fklrebnlrl8vmsv1ptjnkl3qm59", "drop_table street",
                                "drop_constraint city city_pkey", "add_column city.city_no", "alter_column city.country_id",
                                "alter_column country.id", "drop_column city.id", "create_primary_key city city_pkey",
                                "create_foreign_key city fklrebnlrl8vmsv1ptjnkl3qm59")
                        .warns("data-loss", "not-null-without-default", "data-loss", "possible-rename"),
                RoundTripCase.of("a unique column a foreign key references grows: the foreign key comes back after both",
                                BY_CODE, BY_CODE.edit("Warehouse", "length = 8", "length = 12"))
                        .rowsAtV1("INSERT INTO warehouse (id, code) VALUES (1, 'north')",
                                "INSERT INTO shelf (id, warehouse_code) VALUES (10, 'north')")
                        .expectAtV2("SELECT id, warehouse_code FROM shelf", "10|north")
                        .changes("drop_constraint shelf fk38q2igfpf2etvfwmqwt5whspd", "alter_column shelf.warehouse_code",
                                "alter_column warehouse.code", "create_foreign_key shelf fk38q2igfpf2etvfwmqwt5whspd"));
    }
}
