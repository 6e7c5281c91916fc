package dev.retort.bench;

import dev.retort.schema.Schema;
import dev.retort.schema.Table;

/** How big a schema is: what the benchmark's sizes amount to in catalog objects. */
record SchemaFacts(int tables, int columns, int indexes, int uniqueConstraints, int foreignKeys, int checks,
                   int sequences, int enumTypes) {

    static SchemaFacts of(Schema schema) {
        int columns = 0;
        int indexes = 0;
        int uniques = 0;
        int fks = 0;
        int checks = 0;
        for (Table t : schema.tables()) {
            columns += t.columns().size();
            indexes += t.indexes().size();
            uniques += t.uniqueConstraints().size();
            fks += t.foreignKeys().size();
            checks += t.checks().size();
        }
        return new SchemaFacts(schema.tables().size(), columns, indexes, uniques, fks, checks,
                schema.sequences().size(), schema.enumTypes().size());
    }
}
