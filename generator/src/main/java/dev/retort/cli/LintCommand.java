package dev.retort.cli;

import dev.retort.lint.LintResult;
import dev.retort.lint.Linter;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort lint [REV | FROM:TO] [--format FORMAT] [--verbose]}. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check migrations for changes that are unsafe on a live database: long locks (an index "
                + "without CONCURRENTLY, SET NOT NULL, a rewriting type change, ...), and drops or renames the "
                + "running previous release still uses. Needs no database.",
            "Exit 0 when no error-level finding remains, 1 when one does, 2 on errors. Rules: docs/lint.md."})
final class LintCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "REV|FROM:TO",
            description = "One revision (id, unique prefix, branch label or head), or a range such as base:head "
                    + "(either end may be left out). Default: every revision.")
    String selection;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (a table to paste into a pull request). Default: ${DEFAULT-VALUE}.")
    CheckReport.Format format;

    @Option(names = "--verbose", description = "Also list the findings accepted with @Allow or retort:allow, "
            + "with their reasons.")
    boolean verbose;

    @Override
    public Integer call() {
        String unavailable = workspace().lintUnavailable();
        if (unavailable != null) {
            err().println(unavailable);
            return RetortCommand.OK;
        }
        RevisionGraph graph = workspace().graph();
        List<String> ids;
        if (selection == null || selection.isBlank()) {
            ids = graph.all().stream().map(LoadedRevision::id).toList();
        } else if (selection.contains(":")) {
            ids = Revisions.range(graph, selection).stream().map(LoadedRevision::id).toList();
        } else {
            ids = List.of((selection.equals("head") ? graph.head() : graph.resolve(selection)).id());
        }
        LintResult result = new Linter(workspace().platform().dialect(), workspace().config().lint().levels(),
                workspace().config().locks().lockTimeout() != null).lint(graph, ids);
        out().print(LintReport.render(format, result, verbose));
        out().flush();
        return result.errors() > 0 ? RetortCommand.DRIFT : RetortCommand.OK;
    }
}
