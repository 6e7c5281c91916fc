package dev.retort.cli;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort history [-r RANGE] [--verbose]}. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List revisions, newest first. Needs no database.")
final class HistoryCommand extends BaseCommand {

    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
            description = "Only revisions in FROM:TO (inclusive; either end may be left out), e.g. base:3c4d.")
    String range;

    @Option(names = "--verbose", description = "Show each revision's parents, file, date and message.")
    boolean verbose;

    @Override
    public Integer call() {
        RevisionGraph graph = workspace().graph();
        for (LoadedRevision s : Revisions.range(graph, range)) {
            if (verbose) {
                Revisions.verbose(out(), graph, s);
            } else {
                out().println(Revisions.line(graph, s));
            }
        }
        return RetortCommand.OK;
    }
}
