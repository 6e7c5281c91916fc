package dev.retort.cli;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort branches [--verbose]}. */
@Command(name = "branches", mixinStandardHelpOptions = true,
        description = "Show revisions where the history branches, and the revisions following each. Needs no database.")
final class BranchesCommand extends BaseCommand {

    @Option(names = "--verbose", description = "Show the branch point's parents, file, date and message.")
    boolean verbose;

    @Override
    public Integer call() {
        RevisionGraph graph = workspace().graph();
        for (LoadedRevision point : graph.branchPoints()) {
            if (verbose) {
                Revisions.verbose(out(), graph, point);
            } else {
                out().println(Revisions.idWithTags(graph, point) + (point.message().isEmpty() ? "" : ", " + point.message()));
            }
            String indent = " ".repeat(point.id().length() + 1);
            for (LoadedRevision child : graph.children(point.id())) {
                out().println(indent + "-> " + Revisions.idWithTags(graph, child)
                        + (child.message().isEmpty() ? "" : ", " + child.message()));
            }
        }
        return RetortCommand.OK;
    }
}
