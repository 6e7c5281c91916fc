package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.migration.internal.RevisionGraph;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort sql FROM:TO}. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Print the SQL script that moves a database from FROM to TO, without connecting to one.",
            "Upgrades when TO lies above FROM (base:head), downgrades when below (head:base).",
            "One BEGIN/COMMIT block per revision, version-table updates included; apply with psql -v ON_ERROR_STOP=1."})
final class SqlCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FROM:TO")
    String range;

    @Override
    public Integer call() {
        Range r = Range.parse(range, null);
        RevisionGraph graph = workspace().graph();
        boolean upgrade = isUpgrade(graph, r);
        out().print(workspace().runner(new ConsoleListener(err(), false)).script(r.from(), r.to(), upgrade));
        out().flush();
        return RetortCommand.OK;
    }

    private static boolean isUpgrade(RevisionGraph graph, Range r) {
        if (r.from().equals("base")) {
            return true;
        }
        if (r.to().equals("base")) {
            return false;
        }
        String from = single(graph, r.from());
        String to = single(graph, r.to());
        if (from == null || to == null) {
            return true;
        }
        if (graph.lineage(List.of(to)).contains(from)) {
            return true;
        }
        if (graph.lineage(List.of(from)).contains(to)) {
            return false;
        }
        throw new RetortException("Revisions " + from + " and " + to
                + " are on different branches; a script goes straight up or straight down.");
    }

    /** The one revision {@code ref} names, or {@code null} for several or a relative step. */
    private static String single(RevisionGraph graph, String ref) {
        if (ref.equals("heads") || ref.matches(".*[+-]\\d+$")) {
            return null;
        }
        if (ref.equals("head")) {
            return graph.head().id();
        }
        if (ref.endsWith("@head")) {
            return graph.branchHead(ref.substring(0, ref.length() - "@head".length())).id();
        }
        return graph.resolve(ref).id();
    }
}
