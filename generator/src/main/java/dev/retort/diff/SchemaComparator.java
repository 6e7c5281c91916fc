package dev.retort.diff;

import dev.retort.schema.Schema;
import java.util.Objects;

/**
 * Compares the desired schema (what the entities describe) with the actual one (what the database has)
 * and returns the operations that turn the actual into the desired, ordered so they apply, with warnings.
 * A pure function: no database, no clock, the same input always gives the same output. Linear in the size
 * of the schemas: objects are matched through hash maps, never by nested scans over all tables.
 */
public final class SchemaComparator {

    private final ComparisonDialect dialect;

    public SchemaComparator(ComparisonDialect dialect) {
        this.dialect = Objects.requireNonNull(dialect);
    }

    public Diff compare(Schema desired, Schema actual) {
        Plan plan = new Plan();
        ViewComparator views = new ViewComparator(dialect);
        views.compare(desired.views(), actual.views(), plan);
        new EnumTypeComparator().compare(desired.enumTypes(), actual.enumTypes(), plan);
        new SequenceComparator().compare(desired.sequences(), actual.sequences(), plan);
        new TableComparator(dialect).compare(desired.tables(), actual.tables(), plan);
        views.rebuildOverChanges(plan);
        return plan.toDiff();
    }
}
