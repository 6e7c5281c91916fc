package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.testkit.CatalogSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Asserts two catalogs are equal, showing only the lines that differ when they are not. */
final class CatalogDiff {

    private CatalogDiff() {
    }

    static void assertSameCatalog(CatalogSnapshot hibernate, CatalogSnapshot retort) {
        if (hibernate.equals(retort)) {
            return;
        }
        List<String> onlyHibernate = new ArrayList<>(hibernate.lines());
        onlyHibernate.removeAll(retort.lines());
        List<String> onlyRetort = new ArrayList<>(retort.lines());
        onlyRetort.removeAll(hibernate.lines());
        fail("The catalogs differ.\nOnly in Hibernate's:\n  " + String.join("\n  ", onlyHibernate)
                + "\nOnly in Retort's:\n  " + String.join("\n  ", onlyRetort));
    }
}
