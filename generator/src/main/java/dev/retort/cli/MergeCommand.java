package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.render.MigrationSource;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort merge REV... -m MESSAGE}. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Write a migration that joins several revisions (usually 'heads') into one head.",
            "Its upgrade and downgrade are empty; add steps if the branches conflict."})
final class MergeCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "REV", description = "Revisions to merge: ids, prefixes, labels or heads.")
    List<String> revisions;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MESSAGE", description = "What the merge is for.")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Revision id to use instead of a random one.")
    String revId;

    @Override
    public Integer call() {
        RevisionGraph graph = workspace().graph();
        Set<String> parents = new LinkedHashSet<>();
        for (String ref : revisions) {
            if (ref.equals("heads")) {
                graph.heads().forEach(h -> parents.add(h.id()));
            } else {
                parents.add(ref.equals("head") ? graph.head().id() : graph.resolve(ref).id());
            }
        }
        if (parents.size() < 2) {
            throw new RetortException("A merge needs at least two distinct revisions; " + revisions + " name "
                    + (parents.isEmpty() ? "none" : "only " + parents.iterator().next()) + ".");
        }
        for (String p : parents) {
            for (String q : parents) {
                if (!p.equals(q) && graph.descendantsOf(p).contains(q)) {
                    throw new RetortException("Revision " + p + " is an ancestor of " + q
                            + "; merge revisions from different branches only.");
                }
            }
        }
        String id = revId != null ? revId : workspace().context().revisionIds().get();
        Revisions.requireNewId(graph, id);
        MigrationSource source = new MigrationSource(workspace().migrationsPackage(), id, List.copyOf(parents),
                message, workspace().context().clock().instant().truncatedTo(ChronoUnit.SECONDS),
                List.of("// Merge point: nothing to do."), List.of("// Merge point: nothing to do."));
        Path file = workspace().writeNewMigrations(List.of(source)).get(0);
        out().println("Generating " + file + " ... done");
        return RetortCommand.OK;
    }
}
