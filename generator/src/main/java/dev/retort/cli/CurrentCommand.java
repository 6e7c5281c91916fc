package dev.retort.cli;

import dev.retort.migration.internal.RevisionGraph;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort current [--verbose]}. */
@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Show the revision(s) the database is at; nothing at base.")
final class CurrentCommand extends BaseCommand {

    @Option(names = "--verbose", description = "Show each revision's parents, file and message.")
    boolean verbose;

    @Override
    public Integer call() throws SQLException {
        RevisionGraph graph = workspace().graph();
        List<String> heads;
        try (Connection c = workspace().connect()) {
            heads = workspace().runner(new ConsoleListener(err(), false)).current(c);
        }
        if (verbose) {
            out().println("Database: " + workspace().target());
            if (heads.isEmpty()) {
                out().println("Current revision: <base> (no revision applied)");
            }
        }
        for (String id : heads) {
            if (verbose) {
                Revisions.verbose(out(), graph, graph.get(id));
            } else {
                out().println(Revisions.idWithTags(graph, graph.get(id)));
            }
        }
        return RetortCommand.OK;
    }
}
