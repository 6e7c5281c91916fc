package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.catalog.CatalogFilter;
import dev.retort.catalog.DowngradeSpelling;
import dev.retort.catalog.PostgresCanonicalizer;
import dev.retort.catalog.PostgresCatalogReader;
import dev.retort.ddl.PostgresIdentifiers;
import dev.retort.diff.CanonicalForms;
import dev.retort.diff.Diff;
import dev.retort.diff.PostgresComparisonDialect;
import dev.retort.diff.SchemaComparator;
import dev.retort.diff.Warning;
import dev.retort.hibernate.EntitySource;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.migration.MigrationScript;
import dev.retort.runtime.DatabaseException;
import dev.retort.runtime.RunListener;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The comparison behind {@code generate} and {@code check}: the database must be at the migrations' head;
 * the entities (desired) and the catalog (actual), both filtered alike, go through PostgreSQL's own
 * spelling and the comparator.
 */
final class Autogenerate {

    /**
     * Both schemas, what separates them, the head the database is at, and warnings about the database itself
     * (an INVALID index, a NOT VALID constraint) that belong in a report but not in a migration.
     */
    record Comparison(Schema desired, Schema actual, Diff diff, List<String> heads, List<Warning> database) {
    }

    private final Workspace workspace;
    private final Consumer<String> debug;

    /** {@code debug} hears when the entity schema cache could not be used (see {@link HibernateSchemaReader#readCached}). */
    Autogenerate(Workspace workspace, Consumer<String> debug) {
        this.workspace = workspace;
        this.debug = debug;
    }

    /**
     * Reads the entities on a second thread while this one checks the head and reads the catalog: the two are
     * independent, and on a machine with two cores the comparison then costs about the longer of them.
     */
    Comparison compare(Connection connection) {
        CatalogFilter filter = workspace.filter();
        EntitySource entities = workspace.entities();
        CompletableFuture<Schema> desiredLater = CompletableFuture.supplyAsync(
                () -> filter.apply(new HibernateSchemaReader().readCached(entities, debug)), Autogenerate::daemon);
        List<String> heads = requireAtHead(connection);
        try {
            PostgresCatalogReader.Catalog catalog = new PostgresCatalogReader(filter).readCatalog(connection);
            Schema actual = catalog.schema();
            Schema desired = join(desiredLater);
            CanonicalForms forms = new PostgresCanonicalizer().canonicalize(connection, desired, actual);
            Diff diff = new SchemaComparator(new PostgresComparisonDialect(forms)).compare(desired, actual);
            if (forms.unavailable() == null) {
                diff = new DowngradeSpelling().apply(connection, diff);
            }
            return new Comparison(desired, actual, withRulesOnlyWarning(diff, forms, connection), heads,
                    unenforced(catalog));
        } catch (SQLException e) {
            // The catalog reader explains its own failures; this is the canonicalizer's, asking PostgreSQL to spell.
            throw new DatabaseException("Comparing the entities with the database failed", e);
        }
    }

    /** What the catalog holds but PostgreSQL does not use or enforce, and what to do about each. */
    private static List<Warning> unenforced(PostgresCatalogReader.Catalog catalog) {
        List<Warning> warnings = new ArrayList<>();
        for (PostgresCatalogReader.Unenforced u : catalog.unenforced()) {
            String name = PostgresIdentifiers.quote(u.name());
            warnings.add(u.constraint()
                    ? new Warning(Warning.Kind.NOT_VALID_CONSTRAINT, u.table(), null, "Constraint " + u.name() + " on "
                        + u.table() + " is NOT VALID: it holds for rows written since it was added, but the rows before "
                        + "were never checked. Validate it when they are known to comply (ALTER TABLE "
                        + PostgresIdentifiers.quote(u.table()) + " VALIDATE CONSTRAINT " + name + ";), through a "
                        + "migration.")
                    : new Warning(Warning.Kind.INVALID_INDEX, u.table(), null, "Index " + u.name() + " on " + u.table()
                        + " is INVALID (an interrupted or failed CREATE INDEX CONCURRENTLY): PostgreSQL maintains it on "
                        + "every write but never uses it. Rebuild it (REINDEX INDEX CONCURRENTLY " + name + ";), or drop "
                        + "it (DROP INDEX CONCURRENTLY " + name + ";) and run again the revision that creates it."));
        }
        return warnings;
    }

    /**
     * Where PostgreSQL could not be asked how it spells the entities' types, defaults and checks, the rules alone
     * compared them: exact for everything Hibernate writes that the tests cover, but a reviewer of a non-empty
     * diff should know, and know how to give the role what it takes. An empty diff needs no such note.
     */
    private static Diff withRulesOnlyWarning(Diff diff, CanonicalForms forms, Connection connection)
            throws SQLException {
        if (forms.unavailable() == null || diff.isEmpty()) {
            return diff;
        }
        String role = connection.getMetaData().getUserName();
        String database = connection.getCatalog();
        List<Warning> warnings = new ArrayList<>(diff.warnings());
        warnings.add(new Warning(Warning.Kind.RULES_ONLY, null, null, "PostgreSQL was not asked how it spells the "
                + "entities' types, defaults and check constraints: " + forms.unavailable() + ". Retort compared "
                + "them with its own rewrite rules, so a change of a type, a default or a check above may be one "
                + "of spelling only. Let the role create temporary tables (GRANT TEMPORARY ON DATABASE "
                + PostgresIdentifiers.quote(database) + " TO " + PostgresIdentifiers.quote(role) + ") and run "
                + "again."));
        return new Diff(diff.operations(), warnings, diff.unsupported());
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "retort-entities");
        thread.setDaemon(true);
        thread.start();
    }

    private static Schema join(CompletableFuture<Schema> later) {
        try {
            return later.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The database's revisions, which must be the migrations' heads: a comparison starts from the head. */
    private List<String> requireAtHead(Connection connection) {
        List<String> current = workspace.runner(RunListener.SILENT).current(connection);
        List<String> heads = workspace.graph().heads().stream().map(MigrationScript::id).sorted().toList();
        if (!new HashSet<>(current).equals(new HashSet<>(heads))) {
            throw new RetortException("The database " + workspace.target().maskedUrl() + " is at "
                    + (current.isEmpty() ? "base (no revision)" : String.join(", ", current))
                    + ", but the migrations' head is " + (heads.isEmpty() ? "base (there are none)" : String.join(", ", heads))
                    + ". Run 'retort upgrade' first: the entities are compared with a database at head, so the "
                    + "difference is exactly what the next migration must do. (Adopting a database whose schema "
                    + "already matches the head? Record that with 'retort stamp head'.)");
        }
        return heads;
    }
}
