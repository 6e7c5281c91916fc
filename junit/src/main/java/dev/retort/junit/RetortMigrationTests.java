package dev.retort.junit;

import dev.retort.migration.IrreversibleMigrationException;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.testkit.CatalogSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The standard tests of a project's migrations, inherited by a {@link RetortTest} class that implements this
 * interface: what pytest-alembic gives Alembic users.
 */
public interface RetortMigrationTests {

    @Test
    @DisplayName("the migrations have a single head")
    default void singleHead(RetortMigrations migrations) {
        migrations.chain();
    }

    /**
     * Every revision has a downgrade of its own: a migration that does not override {@code downgrade} cannot be
     * undone only by omission. One that truly cannot be undone says so by overriding it to throw
     * {@link IrreversibleMigrationException} with the reason.
     */
    @Test
    @DisplayName("every revision has its own downgrade, or declares itself irreversible")
    default void downgradesPresent(RetortMigrations migrations) {
        List<String> missing = new ArrayList<>();
        for (LoadedRevision revision : migrations.graph().all()) {
            Class<?> type = revision.newInstance().getClass();
            try {
                type.getDeclaredMethod("downgrade", dev.retort.migration.Operations.class);
            } catch (NoSuchMethodException e) {
                missing.add(revision.id() + " (" + type.getName() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("Revision(s) without a downgrade: " + String.join(", ", missing)
                    + ". Write downgrade(Operations op) undoing the upgrade, or, when it cannot be undone, override it "
                    + "to throw new IrreversibleMigrationException(\"why\").");
        }
    }

    /**
     * Base to head one revision at a time, then down to base one at a time: every upgrade applies, and every
     * downgrade gives back exactly the catalog the database had before that revision's upgrade. A revision whose
     * downgrade throws {@link IrreversibleMigrationException} ends the way down there, as it says it must.
     */
    @Test
    @DisplayName("every revision upgrades and downgrades one step at a time, each downgrade restoring the catalog")
    default void stairway(RetortMigrations migrations) {
        List<LoadedRevision> chain = migrations.chain();
        List<CatalogSnapshot> before = new ArrayList<>();
        RecordedSchemas recorded = RecordedSchemas.of(migrations.settings());
        for (LoadedRevision revision : chain) {
            before.add(migrations.snapshot());
            try {
                migrations.upgradeTo("+1");
            } catch (RuntimeException e) {
                throw new AssertionFailedError("Upgrading to revision " + revision.id() + " (" + revision.message()
                        + ") failed: " + e.getMessage(), e);
            }
            if (!migrations.current().equals(List.of(revision.id()))) {
                throw new AssertionFailedError("After one step up the database is at " + migrations.current()
                        + ", not at revision " + revision.id() + ".");
            }
            recorded.check(revision, migrations.snapshot());
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            LoadedRevision revision = chain.get(i);
            try {
                migrations.downgradeTo("-1");
            } catch (RuntimeException e) {
                if (irreversible(e)) {
                    return; // declared: the way down ends here
                }
                throw new AssertionFailedError("Downgrading revision " + revision.id() + " (" + revision.message()
                        + ") failed: " + e.getMessage(), e);
            }
            RetortMigrations.assertSameCatalog(before.get(i), migrations.snapshot(), "The downgrade of revision "
                    + revision.id() + " (" + revision.message() + ") does not give back the catalog its upgrade "
                    + "started from");
        }
        if (!migrations.current().isEmpty()) {
            throw new AssertionFailedError("Down at base the version table still records " + migrations.current()
                    + ".");
        }
    }

    /**
     * The migrations at head build exactly the schema the application's own Hibernate ORM creates for its entities
     * (every schema, catalog line for catalog line): nothing missing, nothing extra, no type or constraint spelled
     * differently; and {@code retort check} finds nothing to do there. Skipped when neither
     * {@code @RetortTest(entities = ...)} nor retort.yaml names entity packages.
     */
    @Test
    @DisplayName("the schema at head is the one Hibernate creates for the entities, and check is clean")
    default void headMatchesHibernate(RetortMigrations migrations) {
        assumeEntities(migrations, "the head is not compared");
        migrations.upgradeTo("heads");
        String head = String.join(", ", migrations.current());
        RetortMigrations.assertSameCatalog(migrations.hibernateSchema(), migrations.snapshot(),
                "The migrations at head (" + head + ") and the schema Hibernate ORM "
                + org.hibernate.Version.getVersionString() + " creates for " + migrations.entityPackages());
        RetortMigrations.CommandResult check = migrations.retort("check");
        if (check.exit() != 0) {
            throw new AssertionFailedError("At head (" + head + ") 'retort check' exits " + check.exit()
                    + ", not 0:\n" + check.out() + check.err());
        }
    }

    /**
     * Re-generating at head writes nothing: {@code retort generate} on a database at head, with the entities as they
     * are, finds no change (into a copy of the migrations folder, which it would write to; with compiled migrations,
     * {@code generate --sql}). A migration left out, or a mapping whose DDL Retort and the database spell
     * differently, would have it write a new revision on every run. Skipped without entity packages.
     */
    @Test
    @DisplayName("re-generating at head writes nothing")
    default void regenerationWritesNothing(RetortMigrations migrations) throws java.io.IOException {
        assumeEntities(migrations, "nothing is re-generated");
        migrations.upgradeTo("heads");
        String head = String.join(", ", migrations.current());
        java.nio.file.Path folder = migrations.settings().migrationsDirectory();
        if (folder == null) {
            RetortMigrations.CommandResult sql = migrations.retort("generate", "--sql", "regenerated at head");
            if (sql.exit() != 0 || !sql.out().equals("No changes detected.\n")) {
                throw new AssertionFailedError("At head (" + head + ") 'retort generate' would write a revision:\n"
                        + sql);
            }
            return;
        }
        java.nio.file.Path copy = java.nio.file.Files.createTempDirectory("retort-regenerate");
        try {
            SourceFolders.copy(folder, copy);
            java.util.Set<java.nio.file.Path> before = SourceFolders.files(copy);
            RetortMigrations.CommandResult generate = migrations.retort(copy, "generate", "regenerated at head");
            java.util.Set<java.nio.file.Path> written = SourceFolders.files(copy);
            written.removeAll(before);
            if (generate.exit() != 0 || !written.isEmpty()) {
                StringBuilder message = new StringBuilder("At head (" + head + ") 'retort generate' ")
                        .append(written.isEmpty() ? "failed" : "writes " + written.size() + " new revision(s)")
                        .append(":\n").append(generate);
                for (java.nio.file.Path file : written) {
                    message.append("\n--- ").append(copy.relativize(file)).append('\n')
                            .append(java.nio.file.Files.readString(file));
                }
                throw new AssertionFailedError(message.toString());
            }
        } finally {
            SourceFolders.delete(copy);
        }
    }

    private static void assumeEntities(RetortMigrations migrations, String consequence) {
        org.junit.jupiter.api.Assumptions.assumeFalse(migrations.entityPackages().isEmpty(),
                "@RetortTest names no entity packages (entities = \"com.acme.model\"), nor does a retort.yaml: "
                + consequence);
    }

    private static boolean irreversible(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IrreversibleMigrationException) {
                return true;
            }
        }
        return false;
    }
}
