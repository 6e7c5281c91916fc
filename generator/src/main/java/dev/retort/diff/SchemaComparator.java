package dev.retort.diff;

import dev.retort.op.CreateSchema;
import dev.retort.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the desired schema (what the entities describe) with the actual one (what the database has)
 * and returns the operations that turn the actual into the desired, ordered so they apply, with warnings.
 * A pure function: no database, no clock, the same input always gives the same output. Linear in the size
 * of the schemas: objects are matched through hash maps, never by nested scans over all tables.
 */
public final class SchemaComparator {

    /**
     * One PostgreSQL schema to compare: what the entities put there, what the database has there ({@code null}
     * when the database has no such schema yet: it is created), and the comparison questions answered with the
     * server's spellings for this schema.
     */
    public record Part(Schema desired, Schema actual, ComparisonDialect dialect) {
        public Part {
            Objects.requireNonNull(desired, "desired");
            Objects.requireNonNull(dialect, "dialect");
        }
    }

    private final ComparisonDialect dialect;

    public SchemaComparator(ComparisonDialect dialect) {
        this.dialect = Objects.requireNonNull(dialect);
    }

    public Diff compare(Schema desired, Schema actual) {
        return compare(List.of(new Part(desired, actual, dialect)), desired.name());
    }

    /**
     * Several schemas in one plan, so that what depends on an object in another schema (a foreign key into it) is
     * ordered with it. Operations on the objects of schemas other than {@code working} are wrapped in
     * {@link dev.retort.op.InSchema}; a schema the database lacks is created first.
     */
    public Diff compare(List<Part> parts, String working) {
        Plan plan = new Plan(working);
        List<ViewComparator> views = new ArrayList<>();
        for (Part part : parts) {
            String name = part.desired().name();
            plan.inSchema(name);
            Schema actual = part.actual();
            if (actual == null) {
                plan.add(Phase.CREATE_SCHEMAS, new CreateSchema(name));
                actual = Schema.empty(name);
            }
            ViewComparator viewComparator = new ViewComparator(part.dialect());
            viewComparator.compare(part.desired().views(), actual.views(), plan);
            views.add(viewComparator);
            new EnumTypeComparator().compare(part.desired().enumTypes(), actual.enumTypes(), plan);
            new SequenceComparator(part.dialect()).compare(part.desired().sequences(), actual.sequences(), plan);
            new TableComparator(part.dialect()).compare(part.desired().tables(), actual.tables(), plan);
        }
        for (ViewComparator v : views) {
            v.rebuildOverChanges(plan);
        }
        return plan.toDiff();
    }
}
