package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.testkit.CatalogSnapshot;

/** Asserts two catalogs are equal, showing only the lines that differ when they are not. */
final class CatalogDiff {

    private CatalogDiff() {
    }

    static void assertSameCatalog(CatalogSnapshot hibernate, CatalogSnapshot retort) {
        if (hibernate.equals(retort)) {
            return;
        }
        fail("The catalogs differ.\nOnly in Hibernate's:\n  " + String.join("\n  ", hibernate.linesNotIn(retort))
                + "\nOnly in Retort's:\n  " + String.join("\n  ", retort.linesNotIn(hibernate)));
    }
}
