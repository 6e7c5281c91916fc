package dev.retort.cli;

import dev.retort.migration.internal.RevisionGraph;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.Runner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort current [--verbose]}. */
@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Show the revision(s) the database is at; nothing at base.")
final class CurrentCommand extends BaseCommand {

    @Option(names = "--verbose", description = "Show each revision's parents, file and message, and when it was applied, by whom.")
    boolean verbose;

    @Override
    public Integer call() throws SQLException {
        RevisionGraph graph = workspace().graph();
        List<String> heads;
        List<HistoryEntry> history;
        try (Connection c = workspace().connect()) {
            Runner runner = workspace().runner(new ConsoleListener(err(), false));
            heads = runner.current(c);
            history = verbose ? runner.history(c) : List.of();
        }
        if (verbose) {
            out().println("Database: " + workspace().target());
            if (heads.isEmpty()) {
                out().println("Current revision: <base> (no revision applied)");
            }
        }
        for (String id : heads) {
            if (verbose) {
                Revisions.verbose(out(), graph, graph.get(id), lastArrival(history, id));
            } else {
                out().println(Revisions.idWithTags(graph, graph.get(id)));
            }
        }
        return RetortCommand.OK;
    }

    /** The latest history row that brought {@code id} into the database (an upgrade or a stamp), or null. */
    private static HistoryEntry lastArrival(List<HistoryEntry> history, String id) {
        HistoryEntry last = null;
        for (HistoryEntry e : history) {
            if (e.revision().equals(id) && !e.operation().equals("downgrade")) {
                last = e;
            }
        }
        return last;
    }
}
