package dev.retort.cli;

import dev.retort.migration.internal.RevisionGraph;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.Runner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
        Map<String, HistoryEntry> arrivals;
        String halfApplied;
        try (Connection c = workspace().connect()) {
            Runner runner = workspace().runner(new ConsoleListener(err(), false));
            heads = runner.current(c);
            arrivals = verbose ? HistoryEntry.arrivals(runner.history(c)) : Map.of();
            halfApplied = runner.halfApplied(c);
        }
        if (verbose) {
            out().println("Database: " + workspace().target());
            if (heads.isEmpty()) {
                out().println("Current revision: <base> (no revision applied)");
            }
        }
        for (String id : heads) {
            if (verbose) {
                Revisions.verbose(out(), graph, graph.get(id), arrivals.get(id));
            } else {
                out().println(Revisions.idWithTags(graph, graph.get(id)));
            }
        }
        if (halfApplied != null) {
            out().println("(a revision stopped half way: see the message below)");
            err().println(halfApplied.stripTrailing());
        }
        return RetortCommand.OK;
    }
}
