package dev.retort.cli;

import picocli.CommandLine.Option;

/** {@code --no-data-checks} of generate and check. */
final class DataCheckOptions {

    @Option(names = "--no-data-checks", description = "Do not ask the database's rows what the changes will do "
            + "(NULLs where a column becomes NOT NULL, values too long, duplicates for a unique index, rows a foreign "
            + "key or check rejects, large tables a rewrite locks). The checks are bounded: counts only, in a "
            + "read-only transaction, each under a 2 s statement_timeout.")
    boolean off;

    boolean on() {
        return !off;
    }
}
