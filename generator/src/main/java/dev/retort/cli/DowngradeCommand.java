package dev.retort.cli;

import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET [--sql]}. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = {"Undo migrations down to TARGET, each in its own transaction.",
            "TARGET: base, a revision id or unique prefix, a branch label, -N, REV-N.",
            "With --sql, print the SQL script instead; TARGET is then FROM:TO, e.g. head:base."})
final class DowngradeCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "TARGET")
    String target;

    @Option(names = "--sql", description = "Print the SQL script (offline; no database connection).")
    boolean sql;

    @Mixin
    LockOptions locks = new LockOptions();

    @Option(names = "--verbose", description = "Print each SQL statement as it runs.")
    boolean verbose;

    @Override
    public Integer call() throws SQLException {
        if (sql) {
            Range range = Range.parse(target, null);
            out().print(workspace().runner(new ConsoleListener(err(), false), locks.config()).script(range.from(), range.to(), false));
            out().flush();
            return RetortCommand.OK;
        }
        Range.rejectRange(target, "downgrade");
        try (Connection c = workspace().connect()) {
            workspace().runner(new ConsoleListener(err(), verbose), locks.config()).downgrade(c, target);
        }
        return RetortCommand.OK;
    }
}
