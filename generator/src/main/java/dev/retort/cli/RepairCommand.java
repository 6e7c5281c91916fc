package dev.retort.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code retort repair}. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Clear the record of a revision that stopped half way on a database whose DDL is not "
                + "transactional (MariaDB), once the database is back at the revision before it.",
            "Upgrades and downgrades are refused while the record is there; 'current' shows it. Use 'stamp REV' "
                + "instead when you finished the revision by hand."})
final class RepairCommand extends BaseCommand {

    @Override
    public Integer call() throws SQLException {
        String said;
        List<String> heads;
        try (Connection c = workspace().connect()) {
            var runner = workspace().runner(new ConsoleListener(err(), false));
            said = runner.repair(c);
            heads = runner.current(c);
        }
        String at = heads.isEmpty() ? "<base>" : String.join(", ", heads);
        if (said == null) {
            err().println("Nothing to repair: no revision stopped half way. The database is at " + at + ".");
        } else {
            err().println("Cleared this record:\n" + said.indent(2).stripTrailing());
            err().println("The version table says the database is at " + at + "; upgrades and downgrades run again.");
        }
        return RetortCommand.OK;
    }
}
