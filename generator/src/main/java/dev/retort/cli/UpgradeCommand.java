package dev.retort.cli;

import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade [TARGET] [--sql]}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Apply migrations up to TARGET (default: head), each in its own transaction.",
            "TARGET: head, heads, a revision id or unique prefix, a branch label, label@head, +N, REV+N.",
            "With --sql, print the SQL script instead (TARGET may be FROM:TO; FROM defaults to base)."})
final class UpgradeCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", defaultValue = "head")
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
            Range range = Range.parse(target, "base");
            out().print(workspace().runner(new ConsoleListener(err(), false), locks.config()).script(range.from(), range.to(), true));
            out().flush();
            return RetortCommand.OK;
        }
        Range.rejectRange(target, "upgrade");
        try (Connection c = workspace().connect()) {
            workspace().runner(new ConsoleListener(err(), verbose), locks.config()).upgrade(c, target);
        }
        return RetortCommand.OK;
    }
}
