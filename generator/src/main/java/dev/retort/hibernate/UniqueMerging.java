package dev.retort.hibernate;

import dev.retort.schema.PrimaryKey;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL keeps of the primary key and unique constraints of one {@code CREATE TABLE}: it drops a
 * constraint over the same columns, in the same order, as the primary key or an earlier unique constraint, and
 * an unnamed survivor takes the name of the duplicate it absorbs ({@code transformIndexConstraints} in
 * {@code parse_utilcmd.c}). Hibernate writes such duplicates, for example for a column that is both
 * {@code unique = true} and listed in a one-column {@code @UniqueConstraint}.
 */
record UniqueMerging(PrimaryKey primaryKey, List<UniqueConstraint> uniques) {

    static UniqueMerging merge(PrimaryKey primaryKey, List<UniqueConstraint> uniques) {
        PrimaryKey pk = primaryKey;
        List<UniqueConstraint> kept = new ArrayList<>();
        for (UniqueConstraint unique : uniques) {
            if (pk != null && pk.columns().equals(unique.columns())) {
                if (pk.name() == null && unique.name() != null) {
                    pk = new PrimaryKey(unique.name(), pk.columns());
                }
                continue;
            }
            int prior = indexOf(kept, unique);
            if (prior < 0) {
                kept.add(unique);
            } else if (kept.get(prior).name() == null && unique.name() != null) {
                kept.set(prior, new UniqueConstraint(unique.name(), unique.columns(), unique.deferrability()));
            }
        }
        return new UniqueMerging(pk, kept);
    }

    private static int indexOf(List<UniqueConstraint> kept, UniqueConstraint unique) {
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).columns().equals(unique.columns())
                    && kept.get(i).deferrability() == unique.deferrability()) {
                return i;
            }
        }
        return -1;
    }
}
