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
import dev.retort.datacheck.DataChecks;
import dev.retort.diff.Renames;
import dev.retort.diff.Warning;
import dev.retort.hibernate.EntitySource;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.migration.internal.LoadedRevision;
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
import java.util.function.Predicate;

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
    private boolean dataChecks = true;
    private Renames renames = Renames.none();
    private Predicate<Renames.Candidate> ask;

    /** {@code debug} hears when the entity schema cache could not be used (see {@link HibernateSchemaReader#readCached}). */
    Autogenerate(Workspace workspace, Consumer<String> debug) {
        this.workspace = workspace;
        this.debug = debug;
    }

    /**
     * The renames decided before ({@code --rename}), and who to ask about the others the comparison suggests
     * ({@code null}: nobody, they stay possible-rename warnings).
     */
    Autogenerate renames(Renames decided, Predicate<Renames.Candidate> ask) {
        this.renames = decided;
        this.ask = ask;
        return this;
    }

    /** Whether to ask the data what the changes will do ({@link DataChecks}); on unless --no-data-checks. */
    Autogenerate dataChecks(boolean on) {
        this.dataChecks = on;
        return this;
    }

    /**
     * Reads the entities on a second thread while this one checks the head and reads the catalog: the two are
     * independent, and on a machine with two cores the comparison then costs about the longer of them.
     */
    Comparison compare(Connection connection) {
        CatalogFilter filter = workspace.filter();
        try {
            String working = workingSchema(connection);
            EntitySource entities = workspace.entities().withDefaultSchema(working);
            CompletableFuture<List<Schema>> desiredLater = CompletableFuture.supplyAsync(
                    () -> new HibernateSchemaReader().readAllCached(entities, debug).stream().map(filter::apply).toList(),
                    Autogenerate::daemon);
            List<String> heads = requireAtHead(connection);
            PostgresCatalogReader reader = new PostgresCatalogReader(filter);
            PostgresCatalogReader.Catalog catalog = reader.readCatalog(connection, working);
            List<Schema> desiredSchemas = join(desiredLater);
            List<SchemaComparator.Part> parts = new ArrayList<>();
            List<Warning> database = new ArrayList<>(unenforced(catalog));
            Schema desired = null;
            CanonicalForms workingForms = CanonicalForms.NONE;
            for (String name : compared(working, desiredSchemas)) {
                Schema want = desiredSchemas.stream().filter(s -> name.equals(s.name())).findFirst()
                        .orElse(Schema.empty(name));
                PostgresCatalogReader.Catalog have = name.equals(working) ? catalog : reader.readCatalog(connection, name);
                if (have != null && !name.equals(working)) {
                    database.addAll(unenforced(have));
                }
                Schema actual = have == null ? null : have.schema();
                CanonicalForms forms = new PostgresCanonicalizer().canonicalize(connection, want,
                        actual == null ? Schema.empty(name) : actual);
                PostgresComparisonDialect dialect = new PostgresComparisonDialect(forms);
                if (name.equals(working) && actual != null) {
                    actual = decideRenames(want, actual, dialect);
                }
                parts.add(new SchemaComparator.Part(want, actual, dialect));
                if (name.equals(working)) {
                    desired = want;
                    workingForms = forms;
                }
            }
            Diff diff = renames.finish(new SchemaComparator(parts.get(0).dialect()).compare(parts, working));
            if (workingForms.unavailable() == null) {
                diff = new DowngradeSpelling().apply(connection, diff);
            }
            if (dataChecks && !diff.operations().isEmpty()) {
                List<Warning> warnings = new ArrayList<>(diff.warnings());
                warnings.addAll(DataChecks.withDefaults().run(connection, diff.operations()));
                diff = new Diff(diff.operations(), warnings, diff.unsupported());
            }
            return new Comparison(desired, catalog.schema(), withRulesOnlyWarning(diff, workingForms, connection),
                    heads, database);
        } catch (SQLException e) {
            // The catalog reader explains its own failures; this is the canonicalizer's, asking PostgreSQL to spell.
            throw new DatabaseException("Comparing the entities with the database failed", e);
        }
    }

    /** The renames decided and confirmed, checked against both sides; the database's schema as they leave it. */
    private Schema decideRenames(Schema want, Schema actual, PostgresComparisonDialect dialect) {
        if (ask != null) {
            for (Renames.Candidate c : Renames.candidates(want, actual, dialect)) {
                boolean decided = c.isTable() ? renames.tables().stream().anyMatch(t -> t.from().equals(c.from())
                        || t.to().equals(c.to())) : renames.columns().stream().anyMatch(r -> r.table().equals(c.table())
                        && (r.from().equals(c.from()) || r.to().equals(c.to())));
                if (!decided && ask.test(c)) {
                    renames = renames.with(c);
                }
            }
        }
        renames.validate(want, actual);
        return renames.apply(actual);
    }

    /** The schema the connection works in: its current_schema(), which retort.yaml's {@code schema:} sets. */
    private static String workingSchema(Connection connection) throws SQLException {
        try (java.sql.Statement st = connection.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT current_schema()")) {
            String name = rs.next() ? rs.getString(1) : null;
            if (name == null) {
                throw new dev.retort.catalog.CatalogReadException("The connection has no current schema to read: its "
                        + "search_path names no existing schema. Create the schema or fix the search_path.");
            }
            return name;
        }
    }

    /**
     * The schemas to compare, the working one first: retort.yaml's {@code schemas:} when it names any (and every
     * schema the entities use must be among them), else the working one and each the entities use.
     */
    private List<String> compared(String working, List<Schema> desired) {
        List<String> configured = workspace.schemas();
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(working);
        if (configured.isEmpty()) {
            desired.stream().filter(Autogenerate::holdsAnything).map(Schema::name).forEach(names::add);
            return List.copyOf(names);
        }
        names.addAll(configured);
        for (Schema schema : desired) {
            if (holdsAnything(schema) && !names.contains(schema.name())) {
                String tables = schema.tables().stream().limit(5).map(t -> schema.name() + "." + t.name())
                        .collect(java.util.stream.Collectors.joining(", "));
                throw new RetortException("The entities map tables to schema " + schema.name() + " (" + tables
                        + (schema.tables().size() > 5 ? ", ..." : "") + "), which retort.yaml's schemas: "
                        + configured + " does not list. Add " + schema.name() + " to schemas:, or move those "
                        + "entities to a listed schema.");
            }
        }
        return List.copyOf(names);
    }

    private static boolean holdsAnything(Schema schema) {
        return !schema.tables().isEmpty() || !schema.sequences().isEmpty() || !schema.views().isEmpty()
                || !schema.enumTypes().isEmpty();
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

    private static <T> T join(CompletableFuture<T> later) {
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
        List<String> heads = workspace.graph().heads().stream().map(LoadedRevision::id).sorted().toList();
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
