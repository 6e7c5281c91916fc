package dev.retort.cli;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort show REV}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one revision: parents, file, message, and the operations of its upgrade and downgrade.")
final class ShowCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "REV", description = "Revision id, unique prefix, branch label or head.")
    String revision;

    @Override
    public Integer call() {
        RevisionGraph graph = workspace().graph();
        LoadedRevision s = revision.equals("head") ? graph.head() : graph.resolve(revision);
        Revisions.verbose(out(), graph, s);
        Revisions.operations(out(), s);
        return RetortCommand.OK;
    }
}
