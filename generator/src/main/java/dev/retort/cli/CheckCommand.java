package dev.retort.cli;

import dev.retort.lint.LintResult;
import dev.retort.lint.Linter;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code retort check}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compare the entities with the database (which must be at head): exit 0 with 'No changes "
                + "detected.' when they agree, exit 1 listing the changes a new migration would need (or, with "
                + "--lint-since, a lint error in a revision after it).",
            "Use it in CI to fail a build whose entities drifted from its migrations."})
final class CheckCommand extends BaseCommand {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (a table to paste into a pull request). Default: ${DEFAULT-VALUE}.")
    CheckReport.Format format;

    @Mixin
    DataCheckOptions dataChecks = new DataCheckOptions();

        @Option(names = "--verbose", description = "Also say, on stderr, where each setting that shapes the entities' "
            + "DDL (naming, Hibernate settings) and the database came from: option, retort.yaml, the application's "
            + "application.properties / .yml or persistence.xml, or Spring Boot's defaults.")
    boolean verbose;

    @Option(names = "--lint-since", paramLabel = "REV", description = "Also lint every revision after REV (the "
            + "last released one; base: all) and fail on an error-level finding. Default: lint.since in retort.yaml; "
            + "without either, check does not lint.")
    String lintSince;

    @Override
    public Integer call() throws SQLException {
        describeSettings(verbose);
        Autogenerate.Comparison comparison;
        try (Connection c = workspace().connect()) {
            comparison = new Autogenerate(workspace(), debug()).dataChecks(dataChecks.on()).compare(c);
        }
        LintResult lint = lint();
        out().print(CheckReport.render(format, comparison.diff(), comparison.heads(), comparison.database(), lint,
                verbose));
        out().flush();
        boolean lintErrors = lint != null && lint.errors() > 0;
        return comparison.diff().isEmpty() && !lintErrors ? RetortCommand.OK : RetortCommand.DRIFT;
    }

    /** The lint of the revisions after --lint-since / lint.since, or null when neither is given. */
    private LintResult lint() {
        String since = lintSince != null ? lintSince : workspace().config().lint().since();
        if (since == null) {
            return null;
        }
        String unavailable = workspace().lintUnavailable();
        if (unavailable != null) {
            err().println(unavailable);
            return null;
        }
        RevisionGraph graph = workspace().graph();
        List<String> ids;
        if (since.equals("base")) {
            ids = graph.all().stream().map(LoadedRevision::id).toList();
        } else {
            String from = (since.equals("head") ? graph.head() : graph.resolve(since)).id();
            ids = graph.descendantsOf(from).stream().toList();
        }
        return new Linter(workspace().platform().dialect(), workspace().config().lint().levels(),
                workspace().config().locks().lockTimeout() != null).lint(graph, ids);
    }
}
