package dev.retort.cli;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort heads [--verbose]}. */
@Command(name = "heads", mixinStandardHelpOptions = true,
        description = "Show the head revision(s) of the migrations. Needs no database.")
final class HeadsCommand extends BaseCommand {

    @Option(names = "--verbose", description = "Show each head's parents, file, date and message.")
    boolean verbose;

    @Override
    public Integer call() {
        RevisionGraph graph = workspace().graph();
        for (LoadedRevision head : graph.heads()) {
            if (verbose) {
                Revisions.verbose(out(), graph, head);
            } else {
                out().println(Revisions.idWithTags(graph, head) + (head.message().isEmpty() ? "" : ", " + head.message()));
            }
        }
        return RetortCommand.OK;
    }
}
