package dev.retort.autogenerate;

import dev.retort.RetortException;
import dev.retort.catalog.Catalog;
import dev.retort.catalog.CatalogFilter;
import dev.retort.catalog.CatalogReadException;
import dev.retort.catalog.CatalogReader;
import dev.retort.diff.ComparisonDialect;
import dev.retort.diff.Diff;
import dev.retort.diff.Renames;
import dev.retort.diff.SchemaComparator;
import dev.retort.diff.ServerSpellings;
import dev.retort.diff.Warning;
import dev.retort.hibernate.EntitySource;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.render.MigrationSource;
import dev.retort.render.MigrationWriter;
import dev.retort.render.OnlineForm;
import dev.retort.render.RevisionSplitter;
import dev.retort.runtime.DatabaseException;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Autogenerate as one service: read the entities (desired) and the catalog (actual), both filtered alike, ask the
 * database how it spells the desired side, compare, and split what separates them into revisions and write those.
 * The command line's {@code generate} and {@code check}, the Maven plugin (through them) and the benchmark's phase
 * probe all call this; everything database-specific comes from the {@link SchemaPlatform}.
 *
 * <p>Not thread-safe; cheap to make, one per comparison.
 */
public final class Autogenerator {

    /**
     * Both schemas, what separates them, and warnings about the database itself (an unusable index, an unchecked
     * constraint) that belong in a report but not in a migration.
     */
    public record Comparison(Schema desired, Schema actual, Diff diff, List<Warning> database) {
    }

    /** Hears each phase of a comparison as it ends, for timing it; the names are those of {@link Phase}. */
    @FunctionalInterface
    public interface PhaseListener {
        PhaseListener NONE = phase -> { };

        void ended(Phase phase);
    }

    /** The phases of a comparison, in order. */
    public enum Phase { ENTITIES, CATALOG, SPELLINGS, COMPARE, DATA_CHECKS }

    /** One revision to write: part of the diff, and whether it runs in a transaction (an online form may not). */
    public record Part(Diff diff, boolean transactional) {
    }

    private final SchemaPlatform platform;
    private final CatalogFilter filter;
    private List<String> schemas = List.of();
    private boolean dataChecks = true;
    private Duration dataCheckTimeout = Duration.ofSeconds(2);
    private Renames renames = Renames.none();
    private Predicate<Renames.Candidate> ask;
    private PhaseListener phases = PhaseListener.NONE;
    private Consumer<Connection> atStart = c -> { };

    public Autogenerator(SchemaPlatform platform, CatalogFilter filter) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /**
     * The schemas to compare beside the working one (retort.yaml's {@code schemas:}); empty: each schema the entities
     * use. Every schema the entities use must then be among them.
     */
    public Autogenerator schemas(List<String> value) {
        this.schemas = List.copyOf(value);
        return this;
    }

    /** Whether to ask the data what the changes will do; on unless {@code --no-data-checks}. */
    public Autogenerator dataChecks(boolean on) {
        this.dataChecks = on;
        return this;
    }

    /**
     * The renames decided before ({@code --rename}), and who to ask about the others the comparison suggests
     * ({@code null}: nobody, they stay possible-rename warnings).
     */
    public Autogenerator renames(Renames decided, Predicate<Renames.Candidate> askAbout) {
        this.renames = Objects.requireNonNull(decided);
        this.ask = askAbout;
        return this;
    }

    public Autogenerator phases(PhaseListener listener) {
        this.phases = Objects.requireNonNull(listener);
        return this;
    }

    /**
     * What to check on the connection first, while the entities are read on another thread (the command line:
     * that the database is at the migrations' head); it throws to stop the comparison.
     */
    public Autogenerator atStart(Consumer<Connection> check) {
        this.atStart = Objects.requireNonNull(check);
        return this;
    }

    /**
     * Compares the entities of {@code entities} with the database. They are read on a second thread while this one
     * runs the start check and reads the catalog: the two are independent, and on a machine with two cores the
     * comparison then costs about the longer of them. {@code debug} hears when the entity schema cache could not be
     * used.
     */
    public Comparison compare(Connection connection, EntitySource entities, Consumer<String> debug) {
        String working = workingSchema(connection);
        EntitySource source = entities.withDefaultSchema(working);
        CompletableFuture<List<Schema>> desiredLater = CompletableFuture.supplyAsync(
                () -> new HibernateSchemaReader().readAllCached(source, debug).stream().map(filter::apply)
                        .map(platform::desired).toList(),
                Autogenerator::daemon);
        atStart.accept(connection);
        CatalogReader reader = platform.catalogReader(filter);
        Catalog catalog = reader.readCatalog(connection, working);
        List<Schema> desired = join(desiredLater);
        phases.ended(Phase.ENTITIES);
        return compare(connection, working, desired, catalog);
    }

    /**
     * Compares schemas already read ({@code desired}, filtered) with the database; one without a name is the
     * working schema's.
     */
    public Comparison compare(Connection connection, List<Schema> desired) {
        String working = workingSchema(connection);
        List<Schema> named = desired.stream().map(s -> s.name() != null ? s
                : new Schema(working, s.tables(), s.sequences(), s.enumTypes(), s.views())).map(platform::desired)
                .toList();
        Catalog catalog = platform.catalogReader(filter).readCatalog(connection, working);
        return compare(connection, working, named, catalog);
    }

    private Comparison compare(Connection connection, String working, List<Schema> desiredSchemas, Catalog catalog) {
        if (catalog == null) {
            throw new CatalogReadException("The working schema " + working + " vanished while it was read.");
        }
        CatalogReader reader = platform.catalogReader(filter);
        try {
            List<SchemaComparator.Part> parts = new ArrayList<>();
            List<Warning> database = new ArrayList<>(platform.unenforced(catalog));
            Schema desired = null;
            ServerSpellings workingSpellings = ServerSpellings.NONE;
            List<Catalog> others = new ArrayList<>();
            List<String> names = compared(working, desiredSchemas);
            for (String name : names) {
                Catalog have = name.equals(working) ? catalog : reader.readCatalog(connection, name);
                others.add(have);
                if (have != null && !name.equals(working)) {
                    database.addAll(platform.unenforced(have));
                }
            }
            phases.ended(Phase.CATALOG);
            List<ServerSpellings> spellings = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Schema want = find(desiredSchemas, name);
                Schema actual = others.get(i) == null ? Schema.empty(name) : others.get(i).schema();
                spellings.add(platform.spellings(connection, want, actual));
            }
            phases.ended(Phase.SPELLINGS);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Schema want = find(desiredSchemas, name);
                Schema actual = others.get(i) == null ? null : others.get(i).schema();
                ComparisonDialect dialect = platform.comparison(spellings.get(i));
                if (name.equals(working) && actual != null) {
                    actual = decideRenames(want, actual, dialect);
                }
                parts.add(new SchemaComparator.Part(want, actual, dialect));
                if (name.equals(working)) {
                    desired = want;
                    workingSpellings = spellings.get(i);
                }
            }
            Diff diff = renames.finish(new SchemaComparator(parts.get(0).dialect()).compare(parts, working));
            if (workingSpellings.unavailable() == null) {
                diff = platform.restorableSpelling(connection, diff);
            }
            phases.ended(Phase.COMPARE);
            if (dataChecks && !diff.operations().isEmpty()) {
                List<Warning> warnings = new ArrayList<>(diff.warnings());
                warnings.addAll(platform.dataWarnings(connection, diff.operations(), dataCheckTimeout));
                diff = new Diff(diff.operations(), warnings, diff.unsupported());
                phases.ended(Phase.DATA_CHECKS);
            }
            if (workingSpellings.unavailable() != null && !diff.isEmpty()) {
                // Where the database could not be asked how it spells, the rules alone compared: exact for what the
                // tests cover, but a reviewer of a non-empty diff should know, and know how to give the role access.
                List<Warning> warnings = new ArrayList<>(diff.warnings());
                warnings.add(platform.rulesOnly(connection, workingSpellings.unavailable()));
                diff = new Diff(diff.operations(), warnings, diff.unsupported());
            }
            return new Comparison(desired, catalog.schema(), diff, database);
        } catch (SQLException e) {
            // The catalog reader explains its own failures; this is the spelling probe's or the data checks'.
            throw new DatabaseException("Comparing the entities with the database failed", e);
        }
    }

    /**
     * {@code diff} as revisions: each small enough for one transaction's locks, values added to an enum type in a
     * revision of their own; with {@code online}, in the lock-safe form ({@link OnlineForm}), which refuses a change
     * that has none, saying why.
     */
    public List<Part> revisions(Diff diff, boolean online) {
        List<Part> parts = new ArrayList<>();
        if (online) {
            OnlineForm.Result result = OnlineForm.of(diff, platform.runtime().dialect());
            if (!result.refusals().isEmpty()) {
                throw new RetortException("generate --online writes only lock-safe migrations, and "
                        + (result.refusals().size() == 1 ? "this change has" : "these changes have")
                        + " no safe form for one deploy; nothing was written. " + String.join(" ",
                        result.refusals().stream().map(r -> "(" + (result.refusals().indexOf(r) + 1) + ") " + r)
                                .toList()));
            }
            for (OnlineForm.Part part : result.parts()) {
                if (part.transactional()) {
                    new RevisionSplitter().split(part.diff()).forEach(d -> parts.add(new Part(d, true)));
                } else {
                    parts.add(new Part(part.diff(), false));
                }
            }
            return parts;
        }
        new RevisionSplitter().split(diff).forEach(d -> parts.add(new Part(d, true)));
        return parts;
    }

    /**
     * The migration classes of {@code parts}, chained after {@code parents}: ids {@code base} (one part) or
     * {@code base_1}, {@code base_2}, ...; {@code lockTimeout} (or {@code null}) is set by each revision itself.
     */
    public static List<MigrationSource> write(List<Part> parts, String packageName, String base, List<String> parents,
                                              String message, Instant created, Duration lockTimeout) {
        List<MigrationSource> sources = new ArrayList<>();
        List<String> after = parents;
        for (int i = 0; i < parts.size(); i++) {
            String id = parts.size() == 1 ? base : base + "_" + (i + 1);
            String partMessage = parts.size() == 1 ? message : message + " (" + (i + 1) + " of " + parts.size() + ")";
            boolean tx = parts.get(i).transactional();
            sources.add(new MigrationWriter().write(parts.get(i).diff(), packageName, id, after, partMessage, created,
                    tx, lockTimeout == null ? List.of() : OnlineForm.before(lockTimeout, tx),
                    lockTimeout == null ? List.of() : OnlineForm.after(tx)));
            after = List.of(id);
        }
        return sources;
    }

    /** The renames decided and confirmed, checked against both sides; the database's schema as they leave it. */
    private Schema decideRenames(Schema want, Schema actual, ComparisonDialect dialect) {
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

    /** The schema the connection works in, which retort.yaml's {@code schema:} sets. */
    private String workingSchema(Connection connection) {
        String name;
        try {
            name = platform.runtime().currentSchema(connection);
        } catch (SQLException e) {
            throw new DatabaseException("Reading the connection's working schema failed", e);
        }
        if (name == null) {
            throw new CatalogReadException("The connection has no working schema to read: the schema it names does "
                    + "not exist (PostgreSQL: its search_path names no existing schema). Create the schema or fix the "
                    + "setting.");
        }
        return name;
    }

    private static Schema find(List<Schema> schemas, String name) {
        return schemas.stream().filter(s -> name.equals(s.name())).findFirst().orElse(Schema.empty(name));
    }

    /**
     * The schemas to compare, the working one first: the configured ones when there are any (and every schema the
     * entities use must be among them), else the working one and each the entities use.
     */
    private List<String> compared(String working, List<Schema> desired) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(working);
        if (schemas.isEmpty()) {
            desired.stream().filter(Autogenerator::holdsAnything).map(Schema::name).forEach(names::add);
            return List.copyOf(names);
        }
        names.addAll(schemas);
        for (Schema schema : desired) {
            if (holdsAnything(schema) && !names.contains(schema.name())) {
                String tables = schema.tables().stream().limit(5).map(t -> schema.name() + "." + t.name())
                        .collect(Collectors.joining(", "));
                throw new RetortException("The entities map tables to schema " + schema.name() + " (" + tables
                        + (schema.tables().size() > 5 ? ", ..." : "") + "), which retort.yaml's schemas: "
                        + schemas + " does not list. Add " + schema.name() + " to schemas:, or move those "
                        + "entities to a listed schema.");
            }
        }
        return List.copyOf(names);
    }

    private static boolean holdsAnything(Schema schema) {
        return !schema.tables().isEmpty() || !schema.sequences().isEmpty() || !schema.views().isEmpty()
                || !schema.enumTypes().isEmpty();
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
}
