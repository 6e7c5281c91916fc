package dev.retort.autogen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One model change of the round trip: the entities before ({@code v1}) and after ({@code v2}), the Hibernate
 * settings both use, the changes {@code check --format json} must list (each {@code "op table.column name"},
 * parts that do not apply left out) and the kinds of warning it must give, rows to insert at v1 and what must
 * be read back at v2.
 *
 * @param physicalNaming the class name of the physical naming strategy both use, {@code null} for Hibernate's
 * @param irreversible   whether the generated downgrade must refuse to run (it adds an enum value)
 */
record RoundTripCase(String name, Model v1, Model v2, String physicalNaming, Map<String, String> settings,
                     List<String> changes, List<String> warnings, List<String> rowsAtV1, List<Query> atV2,
                     boolean irreversible) {

    /** A query and the rows it must return, each row its columns joined by {@code |}. */
    record Query(String sql, List<String> rows) {
    }

    RoundTripCase {
        settings = Map.copyOf(settings);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        rowsAtV1 = List.copyOf(rowsAtV1);
        atV2 = List.copyOf(atV2);
    }

    static RoundTripCase of(String name, Model v1, Model v2) {
        return new RoundTripCase(name, v1, v2, null, Map.of(), List.of(), List.of(), List.of(), List.of(), false);
    }

    RoundTripCase changes(String... expected) {
        return new RoundTripCase(name, v1, v2, physicalNaming, settings, List.of(expected), warnings, rowsAtV1, atV2, irreversible);
    }

    RoundTripCase warns(String... kinds) {
        return new RoundTripCase(name, v1, v2, physicalNaming, settings, changes, List.of(kinds), rowsAtV1, atV2, irreversible);
    }

    RoundTripCase settings(Map<String, String> hibernate) {
        return new RoundTripCase(name, v1, v2, physicalNaming, hibernate, changes, warnings, rowsAtV1, atV2, irreversible);
    }

    RoundTripCase physicalNaming(String strategy) {
        return new RoundTripCase(name, v1, v2, strategy, settings, changes, warnings, rowsAtV1, atV2, irreversible);
    }

    /** SQL run at v1, before the change is generated. */
    RoundTripCase rowsAtV1(String... sql) {
        return new RoundTripCase(name, v1, v2, physicalNaming, settings, changes, warnings, List.of(sql), atV2, irreversible);
    }

    /** After the upgrade to v2, {@code sql} must return exactly {@code rows}. */
    RoundTripCase expectAtV2(String sql, String... rows) {
        List<Query> queries = new ArrayList<>(atV2);
        queries.add(new Query(sql, List.of(rows)));
        return new RoundTripCase(name, v1, v2, physicalNaming, settings, changes, warnings, rowsAtV1, queries, irreversible);
    }

    RoundTripCase refusesDowngrade() {
        return new RoundTripCase(name, v1, v2, physicalNaming, settings, changes, warnings, rowsAtV1, atV2, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
