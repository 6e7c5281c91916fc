package dev.retort.cli;

import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort check}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compare the entities with the database (which must be at head): exit 0 with 'No changes "
                + "detected.' when they agree, exit 1 listing the changes a new migration would need.",
            "Use it in CI to fail a build whose entities drifted from its migrations."})
final class CheckCommand extends BaseCommand {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (a table to paste into a pull request). Default: ${DEFAULT-VALUE}.")
    CheckReport.Format format;

    @Option(names = "--verbose", description = "Also say, on stderr, where each setting that shapes the entities' "
            + "DDL (naming, Hibernate settings) and the database came from: option, retort.yaml, the application's "
            + "application.properties / .yml or persistence.xml, or Spring Boot's defaults.")
    boolean verbose;

    @Override
    public Integer call() throws SQLException {
        describeSettings(verbose);
        Autogenerate.Comparison comparison;
        try (Connection c = workspace().connect()) {
            comparison = new Autogenerate(workspace(), debug()).compare(c);
        }
        out().print(CheckReport.render(format, comparison.diff(), comparison.heads(), comparison.database()));
        out().flush();
        return comparison.diff().isEmpty() ? RetortCommand.OK : RetortCommand.DRIFT;
    }
}
