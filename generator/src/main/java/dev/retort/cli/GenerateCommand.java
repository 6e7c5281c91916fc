package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.autogenerate.Autogenerator;
import dev.retort.ddl.SqlStatement;
import dev.retort.diff.ChangeDescriptions;
import dev.retort.diff.DetectedChange;
import dev.retort.diff.Diff;
import dev.retort.diff.Renames;
import dev.retort.diff.Warning;
import dev.retort.lint.Linter;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.op.Operation;
import dev.retort.render.MigrationSource;
import dev.retort.render.OnlineForm;
import dev.retort.render.RevisionSplitter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort generate MESSAGE}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Compare the entities with the database (which must be at head) and write the difference as a "
                + "new migration class in the migrations folder.",
            "Prints each detected change; with none, says 'No changes detected.' and writes nothing."})
final class GenerateCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "MESSAGE", description = "What the migration does, e.g. \"add reminder index\".")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Revision id to use instead of a random one.")
    String revId;

    @Option(names = "--empty", description = "Write an empty migration to fill in by hand (a data migration), "
            + "without comparing anything; needs no database.")
    boolean empty;

    @Option(names = "--sql", description = "Print the SQL the migration would run instead of writing it.")
    boolean sql;

    @Option(names = "--online", description = "Write the lock-safe form of every change (safety: online in "
            + "retort.yaml does the same): indexes CONCURRENTLY, foreign keys and checks NOT VALID then VALIDATE, NOT "
            + "NULL through a validated check, unique constraints from a concurrent index, a lock_timeout on every "
            + "revision; as up to three revisions to deploy in order. A change with no safe form for one deploy (a "
            + "rewriting type change, a rename) is refused with the expand/contract steps.")
    boolean online;

    /** The lock_timeout online revisions set when retort.yaml has none for the runner to set. */
    static final Duration ONLINE_LOCK_TIMEOUT = Duration.ofSeconds(5);

    @Option(names = "--rename", paramLabel = "TABLE.OLD=NEW", description = "The column OLD of TABLE was renamed "
            + "to NEW: write op.renameColumn (keeping the data) instead of a drop and an add, and rename the indexes "
            + "and constraints whose names follow. Repeatable.")
    List<String> renameColumns = new ArrayList<>();

    @Option(names = "--rename-table", paramLabel = "OLD=NEW", description = "The table OLD was renamed to NEW: write "
            + "op.renameTable instead of a drop and a create, renaming the indexes, constraints and sequences whose "
            + "names follow. Repeatable.")
    List<String> renameTables = new ArrayList<>();

    @Option(names = "--no-input", description = "Never ask whether a dropped and an added table or column are a "
            + "rename (asked only when stdin and stdout are a terminal); they stay possible-rename warnings.")
    boolean noInput;

    @Mixin
    DataCheckOptions dataChecks = new DataCheckOptions();

        @Option(names = "--verbose", description = "Also say, on stderr, where each setting that shapes the entities' "
            + "DDL (naming, Hibernate settings) and the database came from: option, retort.yaml, the application's "
            + "application.properties / .yml or persistence.xml, or Spring Boot's defaults.")
    boolean verbose;

    /** The operations of {@code part} as they run: an online revision's own lock_timeout first. */
    private static List<Operation> withTimeout(Autogenerator.Part part, Duration timeout) {
        if (timeout == null) {
            return part.diff().operations();
        }
        List<Operation> ops = new ArrayList<>(OnlineForm.before(timeout, part.transactional()));
        ops.addAll(part.diff().operations());
        ops.addAll(OnlineForm.after(part.transactional()));
        return ops;
    }

    @Override
    public Integer call() throws SQLException {
        Workspace ws = workspace();
        RevisionGraph graph = ws.graph();
        String parent = graph.isEmpty() ? null : graph.head().id();
        String base = revId != null ? revId : ws.context().revisionIds().get();
        Revisions.requireNewId(graph, base);
        Diff diff;
        if (empty) {
            diff = new Diff(List.of(), List.of(), 0);
        } else {
            describeSettings(verbose);
            Autogenerate.Comparison comparison;
            try (Connection c = ws.connect()) {
                comparison = new Autogenerate(ws, debug()).dataChecks(dataChecks.on())
                        .renames(Renames.parse(renameColumns, renameTables), noInput ? null : RenamePrompt.ifTerminal())
                        .compare(c);
            }
            diff = comparison.diff();
            for (DetectedChange change : ChangeDescriptions.of(diff.operations())) {
                err().println("Detected " + change.description());
            }
            for (Warning warning : diff.warnings()) {
                err().println("WARNING (" + warning.kind().code() + "): " + warning.message());
            }
            for (Warning warning : comparison.database()) {
                err().println("WARNING (" + warning.kind().code() + "): " + warning.message());
            }
            err().flush();
            if (diff.operations().isEmpty()) {
                out().println("No changes detected.");
                return RetortCommand.OK;
            }
        }
        boolean onlineMode = online || ws.config().online();
        if (onlineMode && !ws.platform().transactionalDdl()) {
            throw new RetortException("--online (or safety: online in retort.yaml) writes PostgreSQL's lock-safe "
                    + "forms (CONCURRENTLY, NOT VALID, staged NOT NULL), which " + ws.platform().name()
                    + " does not have. Generate without it; on " + ws.platform().name() + " each statement commits "
                    + "by itself and the runner records a revision's progress (docs/databases.md).");
        }
        List<Autogenerator.Part> parts = sql && !onlineMode ? List.of(new Autogenerator.Part(diff, true))
                : ws.autogenerator().revisions(diff, onlineMode);
        if (!onlineMode && parts.size() > 1) {
            boolean enumValues = RevisionSplitter.separatesEnumValues(diff);
            boolean locks = parts.size() > (enumValues ? 2 : 1);
            err().println("Splitting into " + parts.size() + " revisions: "
                    + (enumValues ? "values added to an enum type can be used only once the transaction that adds "
                        + "them has committed, so they get a revision of their own" : "")
                    + (enumValues && locks ? "; and " : "")
                    + (locks ? "one transaction cannot hold the locks of all " + diff.operations().size()
                        + " operations on a stock PostgreSQL (max_locks_per_transaction)" : "") + ".");
        }
        // The runner sets retort.yaml's lock_timeout on every revision; without it, online revisions set their own.
        Duration timeout = onlineMode && ws.config().locks().lockTimeout() == null ? ONLINE_LOCK_TIMEOUT : null;
        if (onlineMode && parts.size() > 1) {
            err().println("Online: " + parts.size() + " revisions, to deploy in order: " + String.join(", ",
                    parts.stream().map(p -> p.transactional() ? "one transaction" : "outside a transaction "
                            + "(CONCURRENTLY, VALIDATE, each statement on its own)").toList()) + ".");
        }
        if (sql) {
            dev.retort.ddl.Dialect dialect = ws.platform().dialect();
            for (int i = 0; i < parts.size(); i++) {
                if (onlineMode && parts.size() > 1) {
                    out().println("-- revision " + (i + 1) + " of " + parts.size()
                            + (parts.get(i).transactional() ? "" : " (outside a transaction)"));
                }
                for (Operation op : withTimeout(parts.get(i), timeout)) {
                    for (SqlStatement statement : dialect.statements(op)) {
                        out().println(statement.sql() + ";");
                    }
                }
            }
            return RetortCommand.OK;
        }
        List<MigrationSource> sources = Autogenerator.write(parts, ws.migrationsPackage(), base,
                parent == null ? List.of() : List.of(parent), message,
                ws.context().clock().instant().truncatedTo(ChronoUnit.SECONDS), timeout);
        sources.forEach(source -> Revisions.requireNewId(graph, source.revisionId()));
        List<Path> written = ws.writeNewMigrations(sources);
        for (Path file : written) {
            out().println("Generating " + file + " ... done");
        }
        out().flush();
        List<Linter.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            drafts.add(new Linter.Draft(sources.get(i).revisionId(), sources.get(i).message(),
                    written.get(i).toString(), parts.get(i).transactional(), withTimeout(parts.get(i), timeout)));
        }
        if (ws.lintUnavailable() == null) {
            LintReport.afterGenerate(err(), new Linter(ws.platform().dialect(), ws.config().lint().levels(),
                    ws.config().locks().lockTimeout() != null).lintDrafts(graph, drafts));
        }
        return RetortCommand.OK;
    }
}
