package dev.retort.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort stamp REV [--purge]}. */
@Command(name = "stamp", mixinStandardHelpOptions = true,
        description = {"Record REV as the database's revision without running any migration.",
            "Use it to adopt a database whose schema already matches REV, or to repair the version table."})
final class StampCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "REV", description = "head, heads, base, a revision id, prefix or label.")
    String revision;

    @Option(names = "--purge", description = "Empty the version table first, even if it holds unknown revisions.")
    boolean purge;

    @Override
    public Integer call() throws SQLException {
        List<String> to;
        try (Connection c = workspace().connect()) {
            to = workspace().runner(new ConsoleListener(err(), false)).stamp(c, revision, purge);
        }
        err().println("Stamped " + (to.isEmpty() ? "<base>" : String.join(", ", to)));
        return RetortCommand.OK;
    }
}
