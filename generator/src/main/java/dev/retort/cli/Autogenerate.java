package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.autogenerate.Autogenerator;
import dev.retort.diff.Diff;
import dev.retort.diff.Renames;
import dev.retort.diff.Warning;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.runtime.RunListener;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The comparison behind {@code generate} and {@code check}: the {@link Autogenerator} set up from the workspace
 * (platform, filter, schemas, entities), which first checks that the database is at the migrations' head.
 */
final class Autogenerate {

    /** What {@link Autogenerator.Comparison} says, and the head the database is at. */
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

    /** See {@link Autogenerator#renames}. */
    Autogenerate renames(Renames decided, Predicate<Renames.Candidate> askAbout) {
        this.renames = decided;
        this.ask = askAbout;
        return this;
    }

    /** Whether to ask the data what the changes will do; on unless --no-data-checks. */
    Autogenerate dataChecks(boolean on) {
        this.dataChecks = on;
        return this;
    }

    Comparison compare(Connection connection) {
        AtomicReference<List<String>> heads = new AtomicReference<>();
        Autogenerator.Comparison c = workspace.autogenerator().dataChecks(dataChecks).renames(renames, ask)
                .atStart(conn -> heads.set(requireAtHead(conn))).compare(connection, workspace.entities(), debug);
        return new Comparison(c.desired(), c.actual(), c.diff(), heads.get(), c.database());
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
