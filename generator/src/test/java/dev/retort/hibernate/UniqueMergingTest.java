package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.schema.PrimaryKey;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cases PostgreSQL's {@code transformIndexConstraints} merges within one CREATE TABLE. */
class UniqueMergingTest {

    @Test
    @DisplayName("drops a unique constraint over the primary key's columns")
    void dropsUniqueOverPrimaryKey() {
        UniqueMerging merged = UniqueMerging.merge(PrimaryKey.of(null, "id"), List.of(UniqueConstraint.of(null, "id")));
        assertEquals(List.of(), merged.uniques());
        assertEquals(PrimaryKey.of(null, "id"), merged.primaryKey());
    }

    @Test
    @DisplayName("gives an unnamed primary key the name of a named duplicate")
    void namesPrimaryKeyAfterDuplicate() {
        UniqueMerging merged = UniqueMerging.merge(PrimaryKey.of(null, "id"), List.of(UniqueConstraint.of("uk_id", "id")));
        assertEquals(PrimaryKey.of("uk_id", "id"), merged.primaryKey());
    }

    @Test
    @DisplayName("keeps the first of two equal unique constraints, taking the second's name when it has none")
    void keepsFirstOfDuplicates() {
        UniqueMerging merged = UniqueMerging.merge(null, List.of(UniqueConstraint.of(null, "a", "b"),
                UniqueConstraint.of("uk_ab", "a", "b"), UniqueConstraint.of("uk_ab2", "a", "b")));
        assertEquals(List.of(UniqueConstraint.of("uk_ab", "a", "b")), merged.uniques());
    }

    @Test
    @DisplayName("keeps constraints over the same columns in another order")
    void columnOrderMatters() {
        List<UniqueConstraint> uniques = List.of(UniqueConstraint.of(null, "a", "b"), UniqueConstraint.of(null, "b", "a"));
        assertEquals(uniques.subList(0, 1),
                UniqueMerging.merge(PrimaryKey.of(null, "b", "a"), uniques.subList(0, 1)).uniques());
        assertEquals(uniques, UniqueMerging.merge(null, uniques).uniques());
    }
}
